import { SatisfactionKind, type TicketTable } from '../model/table.js';
import type { Columns } from './columns.js';
import type { Csat, CsatSatisfiedFrom, CsatScale } from './types.js';

/** The rating scale of the export, 'mixed' when tickets use more than one, null when none is rated. */
export function csatScaleOf(table: TicketTable): CsatScale | null {
  const seen = new Set<CsatScale>();
  for (let row = 0; row < table.length; row++) {
    const kind = table.satisfactionKind[row]!;
    if (kind === SatisfactionKind.Good || kind === SatisfactionKind.Bad) seen.add('good-bad');
    else if (kind === SatisfactionKind.Score15) seen.add('1-5');
    else if (kind === SatisfactionKind.Score010) seen.add('0-10');
  }
  if (seen.size === 0) return null;
  return seen.size === 1 ? [...seen][0]! : 'mixed';
}

/**
 * CSAT of some tickets: satisfied ÷ rated, and rated ÷ offered. "Offered" is Zendesk's
 * "surveyed": offered without an answer plus every answer. The response rate is null when the
 * export never marks unanswered offers, since then every surveyed ticket looks answered.
 */
export function csatOfRange(
  columns: Pick<Columns, 'satisfactionKind' | 'satisfactionScore'>,
  start: number,
  end: number,
  scale: CsatScale | null,
  recordsOffers: boolean,
  satisfiedFrom: CsatSatisfiedFrom,
): Csat {
  let offeredOnly = 0;
  let responses = 0;
  let satisfied = 0;
  for (let i = start; i < end; i++) {
    switch (columns.satisfactionKind[i]) {
      case SatisfactionKind.Offered:
        offeredOnly++;
        break;
      case SatisfactionKind.Good:
        responses++;
        satisfied++;
        break;
      case SatisfactionKind.Bad:
        responses++;
        break;
      case SatisfactionKind.Score15:
        responses++;
        if (columns.satisfactionScore[i]! >= satisfiedFrom['1-5']) satisfied++;
        break;
      case SatisfactionKind.Score010:
        responses++;
        if (columns.satisfactionScore[i]! >= satisfiedFrom['0-10']) satisfied++;
        break;
    }
  }
  const offered = offeredOnly + responses;
  return {
    offered,
    responses,
    satisfied,
    score: responses > 0 ? satisfied / responses : null,
    responseRate: recordsOffers && offered > 0 ? responses / offered : null,
    scale,
  };
}

/** CSAT of the given table rows (see csatOfRange). */
export function csatOf(
  table: TicketTable,
  rows: Int32Array,
  scale: CsatScale | null,
  recordsOffers: boolean,
  satisfiedFrom: CsatSatisfiedFrom,
): Csat {
  const columns = {
    satisfactionKind: Uint8Array.from(rows, (row) => table.satisfactionKind[row]!),
    satisfactionScore: Float64Array.from(rows, (row) => table.satisfactionScore[row]!),
  };
  return csatOfRange(columns, 0, rows.length, scale, recordsOffers, satisfiedFrom);
}
