/** A Zendesk CSV header with the columns the bad inputs below play with. */
export const HEADER = 'Id,Created at,Status,Priority,Replies,Reopens,First reply time in minutes,Full resolution time in minutes,Subject';
export const GOOD_ROW = '1,2024-03-01 10:00:00,Solved,Normal,1,0,30,120,Fine';

/** CRLF-joined CSV lines with a trailing line break, as Zendesk writes them. */
export const csv = (...lines: string[]): string => `${lines.join('\r\n')}\r\n`;
