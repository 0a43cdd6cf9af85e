import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { comparePolicies } from '../../src/queue/compare.js';
import { morningInbox } from '../../src/queue/morning-inbox.js';
import { fifo, newestFirst } from '../../src/queue/policies.js';
import { queueSparkline, SimulationWatch } from '../../src/render/simulate-watch.js';

describe('--watch view', () => {
  it('sparkline scales to a shared maximum and keeps the last 48 samples', () => {
    expect(queueSparkline([0, 1, 2, 4, 7], 7)).toBe('▁▂▃▅█');
    expect(queueSparkline(Array.from({ length: 60 }, () => 0), 5)).toHaveLength(48);
  });

  it('plays the queue over simulated time: the batch waits at the start, then each order drains it its own way', async () => {
    const start = Date.UTC(2026, 0, 5, 9) / 1000;
    const scenario = morningInbox({ batch: 50, oldestSeconds: 12 * 3600, newestSeconds: 300, clearSeconds: 90 * 60, agents: 1, start });
    const comparison = comparePolicies({ ...scenario, policies: [fifo, newestFirst], seed: 1, slaMinutes: [60], traceEvery: 600 });
    const { frames, lastFrame, unmount } = render(<SimulationWatch comparison={comparison} frameMs={1} />);
    // The first sample is the first arrival, 12 h before the team starts: nothing waits yet.
    expect(frames[0]).toMatch(/fifo\s+▁\s+queue\s+0\s+oldest 0m/);
    for (let i = 0; i < 100 && !(lastFrame() ?? '').includes('+13.5h'); i++) await new Promise((r) => setTimeout(r, 20));
    const at = (label: string) => frames.find((f) => f.includes(`simulated time +${label} `)) ?? '';
    // When the team starts, all 50 wait and the oldest is 12 h old, whatever the order.
    expect(at('12h')).toMatch(/fifo\s+\S+\s+queue\s+50\s+oldest 12h/);
    expect(at('12h')).toMatch(/newest-first\s+\S+\s+queue\s+50\s+oldest 12h/);
    // Ten minutes in, six are answered either way; newest-first has left the 12-hour message waiting.
    expect(at('12.2h')).toMatch(/fifo\s+\S+\s+queue\s+44\s+oldest 10.7h/);
    expect(at('12.2h')).toMatch(/newest-first\s+\S+\s+queue\s+44\s+oldest 12.2h/);
    unmount();
  });
});
