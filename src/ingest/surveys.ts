import { InputError } from '../errors.js';
import {
  CES_SCALES,
  CSAT_SCALES,
  SURVEY_TYPES,
  scaleBounds,
  type CesScale,
  type CsatSurveyScale,
  type SurveyResponse,
  type SurveyType,
} from '../metrics/customer/surveys.js';
import { parseTimestamp } from '../model/time.js';
import { bindColumns, cellText, readRecordFile, type ColumnSpec } from './customer-records.js';
import { wordMap } from './values.js';

/** Survey answers file (--surveys): respondent or ticket id, date, type, score, optional scale and comment. */
const COLUMNS: readonly ColumnSpec[] = [
  { field: 'type', aliases: ['type', 'survey', 'survey type', 'kind'], required: true },
  { field: 'score', aliases: ['score', 'rating', 'answer', 'value'], required: true },
  { field: 'date', aliases: ['date', 'created at', 'submitted at', 'responded at', 'answered at', 'timestamp'], required: true },
  { field: 'respondent', aliases: ['respondent', 'respondent id', 'customer', 'customer id', 'user id', 'id'], required: false },
  { field: 'ticket', aliases: ['ticket', 'ticket id'], required: false },
  { field: 'scale', aliases: ['scale'], required: false },
  { field: 'comment', aliases: ['comment', 'comments', 'feedback'], required: false },
];

export interface SurveyFile {
  responses: SurveyResponse[];
  /** Scales the file declared (in a `scale` column), else the configured ones. */
  cesScale: CesScale;
  csatScale: CsatSurveyScale;
}

export interface SurveyReadOptions {
  tz: string;
  cesScale: CesScale;
  csatScale: CsatSurveyScale;
}

const TYPE_NAMES = wordMap<SurveyType>({
  nps: 'nps',
  netpromoterscore: 'nps',
  ces: 'ces',
  customereffortscore: 'ces',
  csat: 'csat',
  customersatisfaction: 'csat',
});

export async function readSurveys(name: string, options: SurveyReadOptions, path = name): Promise<SurveyFile> {
  const file = await readRecordFile(name, path);
  const col = bindColumns(file, COLUMNS);
  if (col.respondent === undefined && col.ticket === undefined) {
    throw new InputError(name, 'needs a respondent or a ticket id column (e.g. "respondent" or "ticket_id")');
  }
  const declared: { ces?: { scale: CesScale; line: number }; csat?: { scale: CsatSurveyScale; line: number } } = {};
  const responses: SurveyResponse[] = [];
  for (const record of file.records) {
    const fail = (field: string, detail: string): never => {
      throw new InputError(name, detail, record.line, field);
    };
    const typeText = cellText(record, col.type);
    const type = TYPE_NAMES.get(typeText.toLowerCase().replace(/[^a-z]/g, '')) ?? fail('type', `"${typeText}" is not a survey type (${SURVEY_TYPES.join(', ')})`);
    const scaleText = cellText(record, col.scale);
    if (scaleText !== '' && type !== 'nps') {
      const allowed: readonly string[] = type === 'ces' ? CES_SCALES : CSAT_SCALES;
      if (!allowed.includes(scaleText)) fail('scale', `"${scaleText}" is not a ${type.toUpperCase()} scale (${allowed.join(', ')})`);
      const seen = declared[type];
      if (seen && seen.scale !== scaleText) {
        fail('scale', `${type.toUpperCase()} answers use two scales: ${seen.scale} (line ${seen.line}) and ${scaleText}`);
      }
      declared[type] = { scale: scaleText as never, line: record.line };
    }
    const scale = type === 'nps' ? '0-10' : type === 'ces' ? (declared.ces?.scale ?? options.cesScale) : (declared.csat?.scale ?? options.csatScale);
    const [low, high] = scaleBounds(scale);
    const scoreText = cellText(record, col.score);
    const score = scoreText === '' ? Number.NaN : Number(scoreText);
    if (!Number.isFinite(score) || score < low || score > high) {
      fail('score', `"${scoreText}" is not a ${type.toUpperCase()} score on the ${scale} scale`);
    }
    const dateText = cellText(record, col.date);
    // parseTimestamp gives NaN for unreadable text and undefined for an empty or placeholder date.
    const at = parseTimestamp(dateText, options.tz);
    if (at === undefined || Number.isNaN(at)) fail('date', `"${dateText}" is not a date`);
    const response: SurveyResponse = { type, score, at: at! };
    const respondent = cellText(record, col.respondent);
    const ticketId = cellText(record, col.ticket);
    const comment = cellText(record, col.comment);
    if (respondent !== '') response.respondent = respondent;
    if (ticketId !== '') response.ticketId = ticketId;
    if (comment !== '') response.comment = comment;
    responses.push(response);
  }
  return {
    responses,
    cesScale: declared.ces?.scale ?? options.cesScale,
    csatScale: declared.csat?.scale ?? options.csatScale,
  };
}
