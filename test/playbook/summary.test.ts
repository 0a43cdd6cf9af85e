import { describe, expect, it } from 'vitest';
import { tableFromTickets } from '../../src/model/table.js';
import type { Ticket } from '../../src/model/ticket.js';
import { checklistSummary, evaluateAll, evaluateStage, NO_EXPORT } from '../../src/playbook/evaluate.js';
import { gatherEvidence } from '../../src/playbook/gather.js';
import { emptyState, toggleTick } from '../../src/playbook/state.js';

const T0 = Date.UTC(2024, 2, 4, 9, 0);
/** Slow first replies, three channel families, no tags: several middle-stage items not met. */
const tickets: Ticket[] = Array.from({ length: 12 }, (_, i) => ({
  id: String(i + 1),
  createdAt: T0 + i * 3_600_000,
  status: 'solved',
  channel: (['email', 'chat', 'phone'] as const)[i % 3],
  firstReplyMinutes: 240,
  fullResolutionMinutes: 300,
  solvedAt: T0 + i * 3_600_000 + 300 * 60_000,
  replies: 1,
  reopens: 0,
  tags: i < 3 ? ['billing'] : [],
}));
const evidence = gatherEvidence(tableFromTickets(tickets), { tz: 'UTC', targets: { firstReplyMinutes: 60, serviceLevel: 0.8 } });

describe('checklistSummary (what csops report shows)', () => {
  it('gives the stage, its evidence-based items not met, and the next stage’s three key items', () => {
    const summary = checklistSummary('middle', { evidence });
    expect(summary.stage.id).toBe('middle');
    expect(summary.unmet.map((row) => row.id)).toEqual(['categorise-requests', 'fast-first-reply']);
    expect(summary.unmet.every((row) => row.status === 'not-met' && row.evidence !== null)).toBe(true);
    expect(summary.next?.stage.id).toBe('growth');
    expect(summary.next?.items.map((row) => row.id)).toEqual(['head-of-customer-experience', 'proactive-success-team', 'hire-ahead']);
  });

  it('has no next stage at scale, and nothing unmet without an export', () => {
    const summary = checklistSummary('scale', {});
    expect(summary.next).toBeNull();
    expect(summary.unmet).toEqual([]);
  });
});

describe('evaluation', () => {
  it('marks evidence items unknown without an export and leaves the rest manual', () => {
    const rows = evaluateStage('early', {}).rows;
    expect(rows.find((row) => row.id === 'one-official-channel')).toMatchObject({ status: 'unknown', evidence: NO_EXPORT });
    expect(rows.find((row) => row.id === 'reply-templates')).toMatchObject({ status: 'manual', evidence: null });
  });

  it('uses --team for the team-size items and the saved ticks', () => {
    const state = toggleTick(emptyState(), 'document-workflows');
    const row = evaluateStage('early', { team: 7, state }).rows.find((r) => r.id === 'document-workflows');
    expect(row).toMatchObject({ status: 'manual', ticked: true, evidence: 'team of 7 people: due now (5, 10 at the latest)' });
  });

  it('shares one evaluation of a multi-stage item across stages', () => {
    const stages = evaluateAll({ evidence });
    const inMiddle = stages[2]!.rows.find((row) => row.id === 'fast-first-reply');
    const inScale = stages[4]!.rows.find((row) => row.id === 'fast-first-reply');
    expect(inMiddle).toBe(inScale);
    expect(inMiddle?.stage).toBe('middle');
  });
});
