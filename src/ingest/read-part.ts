import { TicketTableBuilder } from '../model/table.js';
import { readCsv } from './csv-reader.js';
import { newIngestStats } from './derive.js';
import type { PartJob, PartResult } from './part.js';
import { bindCsv, expectRows, newRowCounts, readCsvRows, readNdjsonRows, tableSink, type RowProblem } from './rows.js';
import { openTextFrom } from './source.js';

/**
 * Reads the later part of a large export into a table part: what a helper thread does while the
 * main thread reads the first part. `onProgress` gets the rows and bytes read every few thousand rows.
 */
export async function readPart(job: PartJob, onProgress: (rows: number, bytes: number) => void): Promise<PartResult> {
  const builder = new TicketTableBuilder(job.options.omit);
  const stats = newIngestStats();
  const counts = newRowCounts();
  const problems: RowProblem[] = [];
  const source = openTextFrom(job.file, job.path, job.start);
  const progress = (): void => {
    expectRows(builder, counts, source.bytesRead(), job.size - job.start - source.bytesRead());
    onProgress(counts.rows, source.bytesRead());
  };
  const sink = tableSink(builder, job.options, counts, (problem) => problems.push(problem), progress);
  if (job.split.kind === 'csv') {
    const csv = await readCsv(source, (problem) => sink.reject({ file: job.file, ...problem }), job.split.layout);
    await readCsvRows(job.file, csv!, bindCsv(job.file, job.split.layout.header, job.options, stats), sink);
  } else {
    await readNdjsonRows(job.file, source.chunks, job.options, stats, sink);
  }
  return { table: builder.part(), counts, stats, problems, bytes: source.bytesRead() };
}
