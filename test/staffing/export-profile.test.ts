import { describe, expect, it } from 'vitest';
import { tableFromTickets } from '../../src/model/table.js';
import type { Ticket } from '../../src/model/ticket.js';
import { keyToDayNumber } from '../../src/model/time.js';
import { countByDay, dailyCreated } from '../../src/staffing/daily-counts.js';
import { profileExport } from '../../src/staffing/export-profile.js';

const at = (iso: string): number => Date.parse(iso);

describe('dailyCreated', () => {
  it('counts days in the given time zone and fills quiet days with 0', () => {
    const table = tableFromTickets([
      { id: '1', createdAt: at('2024-03-04T23:30:00Z') }, // Tue 5 Mar 00:30 in Berlin (UTC+1)
      { id: '2', createdAt: at('2024-03-04T10:00:00Z') },
      { id: '3', createdAt: at('2024-03-07T09:00:00Z') },
    ]);
    expect(dailyCreated(table, 'UTC')).toEqual({ firstDay: keyToDayNumber('2024-03-04'), counts: [2, 0, 0, 1] });
    expect(dailyCreated(table, 'Europe/Berlin')).toEqual({ firstDay: keyToDayNumber('2024-03-04'), counts: [1, 1, 0, 1] });
  });

  it('counts day numbers already known the same way', () => {
    expect(countByDay([19790, 19787, 19787])).toEqual({ firstDay: 19787, counts: [2, 0, 0, 1] });
    expect(countByDay([])).toEqual({ firstDay: 0, counts: [] });
  });
});

describe('profileExport', () => {
  const tickets: Ticket[] = [
    { id: 'c1', createdAt: at('2024-03-04T09:10:00Z'), channel: 'chat', fullResolutionMinutes: 8, assignee: 'Ann', status: 'solved', solvedAt: at('2024-03-04T09:18:00Z') },
    { id: 'e1', createdAt: at('2024-03-04T09:20:00Z'), channel: 'email', assignee: 'Ann', status: 'solved', solvedAt: at('2024-03-04T12:00:00Z') },
    { id: 'e2', createdAt: at('2024-03-05T14:00:00Z'), channel: 'email', assignee: 'Bo', status: 'closed', solvedAt: at('2024-03-05T15:00:00Z') },
    { id: 'w1', createdAt: at('2024-03-05T14:30:00Z'), channel: 'web', assignee: 'Bo', status: 'open' },
  ];

  it('measures the live share, the hour-of-week profiles, the active team and throughput', () => {
    const profile = profileExport(tableFromTickets(tickets), 'UTC');
    expect(profile.liveShare).toBe(0.25);
    expect(profile.liveHours[9]).toBe(1); // Monday 09:00
    expect(profile.asyncHours[9]).toBeCloseTo(1 / 3, 12);
    expect(profile.asyncHours[24 + 14]).toBeCloseTo(2 / 3, 12); // Tuesday 14:00
    expect(profile.activeAgents).toBe(2);
    // Ann solved 2 on Monday, Bo 1 on Tuesday: 3 tickets over 2 agent-days.
    expect(profile.solvedPerAgentDay).toBe(1.5);
    // Too few live contacts for a handle-time estimate.
    expect(profile.liveHandleMinutes).toBeNull();
  });

  it('prefers recorded handling time: the mean per channel kind, once there are 10 of them', () => {
    const chats: Ticket[] = Array.from({ length: 10 }, (_, i) => ({
      id: `chat-${i}`,
      createdAt: at('2024-03-04T10:00:00Z'),
      channel: 'chat',
      fullResolutionMinutes: 30,
      handleMinutes: 4 + i, // 4..13: mean 8.5, while created → solved says 30
    }));
    const emails: Ticket[] = Array.from({ length: 10 }, (_, i) => ({ id: `mail-${i}`, createdAt: at('2024-03-04T11:00:00Z'), channel: 'email', handleMinutes: i < 5 ? 6 : 12 }));
    const recorded = profileExport(tableFromTickets([...chats, ...emails]), 'UTC');
    expect(recorded).toMatchObject({ liveHandleMinutes: 8.5, liveHandleSamples: 10, liveHandleFrom: 'recorded', asyncHandleMinutes: 9, asyncHandleSamples: 10 });
    const untimed = profileExport(tableFromTickets(chats.map(({ handleMinutes: _, ...t }) => t)), 'UTC');
    expect(untimed).toMatchObject({ liveHandleMinutes: 30, liveHandleFrom: 'lifetime', asyncHandleMinutes: null });
    const tooFew = profileExport(tableFromTickets([...chats.slice(0, 9), ...emails.slice(0, 9)]), 'UTC');
    expect(tooFew).toMatchObject({ liveHandleFrom: null, liveHandleMinutes: null, asyncHandleMinutes: null, asyncHandleSamples: 9 });
  });

  it('reads resolution times and solved tickets as metrics does: from timestamps where the export lacks them', () => {
    const chats: Ticket[] = Array.from({ length: 10 }, (_, i) => ({
      id: `chat-${i}`,
      createdAt: at('2024-03-04T10:00:00Z'),
      solvedAt: at('2024-03-04T10:12:00Z'),
      channel: 'chat',
      assignee: 'Ann',
    }));
    // No status and no resolution minutes: the solve time says solved, after 12 minutes.
    expect(profileExport(tableFromTickets(chats), 'UTC')).toMatchObject({ liveHandleMinutes: 12, liveHandleFrom: 'lifetime', solvedPerAgentDay: 10, agentDays: 1 });
  });

  it('takes live hours from all arrivals when the export has no live contacts', () => {
    const profile = profileExport(tableFromTickets(tickets.filter((t) => t.channel !== 'chat')), 'UTC');
    expect(profile.liveShare).toBe(0);
    expect(Array.from(profile.liveHours)).toEqual(Array.from(profile.asyncHours));
  });
});
