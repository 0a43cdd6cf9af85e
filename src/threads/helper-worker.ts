// Entry point of the helper thread (see helper.ts): runs the tasks the main thread posts, one at a time.
import { parentPort } from 'node:worker_threads';
import { CsopsError } from '../errors.js';
import { readPart } from '../ingest/read-part.js';
import { agentDayFigures } from '../metrics/agent-day-figures.js';
import { partBuffers } from '../model/table.js';
import type { HelperMessage, HelperTask } from './helper.js';

const port = parentPort!;
const post = (message: HelperMessage, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);

async function run(task: HelperTask): Promise<void> {
  try {
    if (task.kind === 'part') {
      const result = await readPart(task.job, (rows, bytes) => post({ type: 'progress', rows, bytes }));
      // The part's columns move to the main thread without a copy.
      post({ type: 'part', result }, partBuffers(result.table));
    } else {
      post({ type: 'agent-day', figures: agentDayFigures(task.input) });
    }
  } catch (error) {
    const { message, stack } = error as Error;
    post({ type: 'failed', message, ...(stack ? { stack } : {}), inputError: error instanceof CsopsError });
  }
}

port.on('message', (task: HelperTask) => void run(task));
