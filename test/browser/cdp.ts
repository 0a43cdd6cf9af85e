import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import chromium from './chromium.json' with { type: 'json' };

/**
 * A minimal Chrome DevTools Protocol client over --remote-debugging-pipe (fd 3 in, fd 4 out,
 * NUL-separated JSON), so the browser test needs no WebSocket library and no extra dependency.
 */

/** Debian's package; CHROMIUM overrides it. bench/screenshot-report.js reads the same chromium.json. */
export const CHROMIUM = process.env.CHROMIUM ?? chromium.executable;

const CHROMIUM_FLAGS = [...chromium.flags, '--remote-debugging-pipe'];

interface Message {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { message: string };
  sessionId?: string;
}

export interface Browser {
  send(method: string, params?: Record<string, unknown>, sessionId?: string): Promise<Record<string, unknown>>;
  /** Every event received so far, in order. */
  events: Message[];
  waitFor(method: string, sessionId?: string, timeoutMs?: number): Promise<Message>;
  close(): Promise<void>;
}

export async function launch(executable: string): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), 'csops-chromium-'));
  const child: ChildProcess = spawn(executable, [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const input = child.stdio[3] as Writable;
  const output = child.stdio[4] as Readable;
  const pending = new Map<number, { resolve: (r: Record<string, unknown>) => void; reject: (e: Error) => void }>();
  const events: Message[] = [];
  const waiters: { method: string; sessionId?: string; resolve: (m: Message) => void }[] = [];
  let buffer = '';
  output.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    let end: number;
    while ((end = buffer.indexOf('\0')) >= 0) {
      const message = JSON.parse(buffer.slice(0, end)) as Message;
      buffer = buffer.slice(end + 1);
      if (message.id !== undefined) {
        const call = pending.get(message.id);
        pending.delete(message.id);
        if (message.error) call?.reject(new Error(message.error.message));
        else call?.resolve(message.result ?? {});
      } else {
        events.push(message);
        for (let i = waiters.length - 1; i >= 0; i--) {
          const w = waiters[i]!;
          if (w.method === message.method && (w.sessionId === undefined || w.sessionId === message.sessionId)) {
            waiters.splice(i, 1);
            w.resolve(message);
          }
        }
      }
    }
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', (code) => {
    for (const call of pending.values()) call.reject(new Error(`chromium exited (${code}): ${stderr.slice(-500)}`));
  });
  let nextId = 1;
  return {
    events,
    send(method, params = {}, sessionId) {
      const id = nextId++;
      input.write(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }) + '\0');
      return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
    },
    waitFor(method, sessionId, timeoutMs = 15_000) {
      const seen = events.find((e) => e.method === method && (sessionId === undefined || e.sessionId === sessionId));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${method}`)), timeoutMs);
        waiters.push({ method, ...(sessionId ? { sessionId } : {}), resolve: (m) => (clearTimeout(timer), resolve(m)) });
      });
    },
    async close() {
      input.write(JSON.stringify({ id: nextId++, method: 'Browser.close', params: {} }) + '\0');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Opens a page in a fresh tab with console, log and page events on; returns its session. */
export async function openPage(browser: Browser, url: string): Promise<string> {
  const { targetId } = (await browser.send('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
  const { sessionId } = (await browser.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
  await browser.send('Runtime.enable', {}, sessionId);
  await browser.send('Log.enable', {}, sessionId);
  await browser.send('Page.enable', {}, sessionId);
  await browser.send('Emulation.setDeviceMetricsOverride', { width: 1000, height: 1400, deviceScaleFactor: 1, mobile: false }, sessionId);
  const loaded = browser.waitFor('Page.loadEventFired', sessionId);
  await browser.send('Page.navigate', { url }, sessionId);
  await loaded;
  return sessionId;
}

/** Console errors, uncaught exceptions and error log entries of a session. */
export function pageErrors(browser: Browser, sessionId: string): string[] {
  return browser.events
    .filter((e) => e.sessionId === sessionId)
    .flatMap((e) => {
      const p = e.params ?? {};
      if (e.method === 'Runtime.exceptionThrown') return [JSON.stringify(p.exceptionDetails)];
      if (e.method === 'Runtime.consoleAPICalled' && (p.type === 'error' || p.type === 'assert')) return [JSON.stringify(p.args)];
      if (e.method === 'Log.entryAdded') {
        const entry = p.entry as { level: string; text: string; url?: string };
        return entry.level === 'error' ? [`${entry.text} ${entry.url ?? ''}`] : [];
      }
      return [];
    });
}
