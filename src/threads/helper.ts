import { Worker } from 'node:worker_threads';
import { CsopsError, EXIT } from '../errors.js';
import type { PartJob, PartRead, PartResult } from '../ingest/part.js';
import type { AgentDayFigures, AgentDayInput } from '../metrics/agent-day-figures.js';

/** What the main thread asks of the helper, one task at a time. */
export type HelperTask = { kind: 'part'; job: PartJob } | { kind: 'agent-day'; input: AgentDayInput };

export type HelperMessage =
  | { type: 'progress'; rows: number; bytes: number }
  | { type: 'part'; result: PartResult }
  | { type: 'agent-day'; figures: AgentDayFigures }
  | { type: 'failed'; message: string; stack?: string; inputError: boolean };

/** The task the helper is running: where its messages go. */
interface Running {
  onMessage(message: HelperMessage): void;
  fail(error: Error): void;
}

/**
 * A second thread for the work of a large export: it reads the later part of the file while
 * this thread reads the first, or computes the agent and daily figures while this thread
 * computes the rest. Idle, it does not keep the process alive.
 */
export class HelperThread {
  private readonly worker = new Worker(new URL('./helper-worker.js', import.meta.url));
  private running: Running | undefined;
  /** Why the helper takes no more tasks, once it does not. */
  private stopped: Error | undefined;

  constructor() {
    this.worker.unref();
    this.worker.on('message', (message: HelperMessage) => this.running?.onMessage(message));
    this.worker.on('error', (error) => this.stop(error));
    this.worker.on('exit', (code) => this.stop(new Error(`the helper thread stopped (exit code ${code})`)));
  }

  /** False once the helper has ended (closed, a part it read cancelled, or its thread gone). */
  get usable(): boolean {
    return this.stopped === undefined;
  }

  /** Starts reading `job`'s part of a file. */
  readPart(job: PartJob): PartRead {
    const progress = { rows: 0, bytes: 0 };
    const result = this.run<PartResult>({ kind: 'part', job }, (message, resolve) => {
      if (message.type === 'progress') Object.assign(progress, { rows: message.rows, bytes: message.bytes });
      else if (message.type === 'part') resolve(message.result);
    });
    // Not awaited when the part is cancelled: a rejection then is expected, not unhandled.
    result.catch(() => undefined);
    return { result, progress, cancel: () => void this.close() };
  }

  /**
   * agentDayFigures(input), computed on the helper. Columns in shared memory are read there as
   * they are; any other array is copied.
   */
  agentDayFigures(input: AgentDayInput): Promise<AgentDayFigures> {
    return this.run<AgentDayFigures>({ kind: 'agent-day', input }, (message, resolve) => {
      if (message.type === 'agent-day') resolve(message.figures);
    });
  }

  /** Ends the helper; a task it was running fails. Resolves once its thread is gone. */
  async close(): Promise<void> {
    this.stop(new Error('the helper thread was closed'));
    await this.worker.terminate();
  }

  private run<T>(task: HelperTask, onMessage: (message: HelperMessage, resolve: (value: T) => void) => void): Promise<T> {
    if (this.stopped) return Promise.reject(this.stopped);
    if (this.running) return Promise.reject(new Error('the helper thread is busy'));
    const settled = new Promise<T>((resolve, reject) => {
      this.running = {
        onMessage: (message) => {
          // A user's input problem keeps its one-line message and exit code; anything else is a bug.
          if (message.type === 'failed') reject(message.inputError ? new CsopsError(message.message, EXIT.input) : Object.assign(new Error(message.message), { stack: message.stack }));
          else onMessage(message, resolve);
        },
        fail: reject,
      };
    });
    // Waiting for a task keeps the process alive; an idle helper does not.
    this.worker.ref();
    this.worker.postMessage(task);
    return settled.finally(() => {
      this.running = undefined;
      if (!this.stopped) this.worker.unref();
    });
  }

  private stop(reason: Error): void {
    this.stopped ??= reason;
    this.running?.fail(reason);
  }
}
