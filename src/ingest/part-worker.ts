// Entry point of a worker thread that reads the later part of a large export (see part.ts).
import { parentPort } from 'node:worker_threads';
import { CsopsError } from '../errors.js';
import { partBuffers, TicketTableBuilder } from '../model/table.js';
import { readCsv } from './csv-reader.js';
import { newIngestStats } from './derive.js';
import type { PartJob, PartMessage, PartResult } from './part.js';
import { bindCsv, expectRows, newRowCounts, readCsvRows, readNdjsonRows, tableSink, type RowProblem } from './rows.js';
import { openTextFrom } from './source.js';

async function readPart(job: PartJob, post: (message: PartMessage) => void): Promise<PartResult> {
  const builder = new TicketTableBuilder(job.options.omit);
  const stats = newIngestStats();
  const counts = newRowCounts();
  const problems: RowProblem[] = [];
  const source = openTextFrom(job.file, job.path, job.start);
  const onProgress = (): void => {
    expectRows(builder, counts, source.bytesRead(), job.size - job.start - source.bytesRead());
    post({ type: 'progress', rows: counts.rows, bytes: source.bytesRead() });
  };
  const sink = tableSink(builder, job.options, counts, (problem) => problems.push(problem), onProgress);
  if (job.split.kind === 'csv') {
    const csv = await readCsv(source, (problem) => sink.reject({ file: job.file, ...problem }), job.split.layout);
    await readCsvRows(job.file, csv!, bindCsv(job.file, job.split.layout.header, job.options, stats), sink);
  } else {
    await readNdjsonRows(job.file, source.chunks, job.options, stats, sink);
  }
  return { table: builder.part(), counts, stats, problems, bytes: source.bytesRead() };
}

const port = parentPort!;
const post = (message: PartMessage): void => port.postMessage(message);
// The part is chosen once this thread is ready: it then gets its one job.
port.once('message', (job: PartJob) => {
  readPart(job, post).then(
    (result) => port.postMessage({ type: 'done', result } satisfies PartMessage, partBuffers(result.table)),
    (error: unknown) => {
      const { message, stack } = error as Error;
      post({ type: 'failed', message, ...(stack ? { stack } : {}), inputError: error instanceof CsopsError });
    },
  );
});
post({ type: 'ready' });
