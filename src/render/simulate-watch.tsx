import { Box, render, Text, useApp } from 'ink';
import { useEffect, useState } from 'react';
import { formatMinutes } from '../model/duration.js';
import type { Comparison } from '../queue/compare.js';
import { sparkline } from './sparkline.js';

const WIDTH = 48;

/** Bars for the last WIDTH values, scaled to `max` so every policy shares one scale. */
export const queueSparkline = (values: readonly number[], max: number): string =>
  sparkline(values.slice(-WIDTH), { max, round: Math.round });

export interface WatchProps {
  comparison: Comparison;
  /** Real milliseconds per sampled instant. */
  frameMs: number;
}

/** Queue length and longest wait of every policy, played back over simulated time. */
export function SimulationWatch({ comparison, frameMs }: WatchProps) {
  const { exit } = useApp();
  const traces = comparison.policies.map((p) => p.trace!);
  const frames = traces[0]?.time.length ?? 0;
  const [frame, setFrame] = useState(0);
  useEffect(() => {
    if (frame >= frames - 1) {
      exit();
      return undefined;
    }
    const timer = setTimeout(() => setFrame((f) => f + 1), frameMs);
    return () => clearTimeout(timer);
  }, [frame, frames, frameMs, exit]);
  if (frames === 0) return <Text>nothing to animate</Text>;
  const maxWaiting = Math.max(1, ...traces.map((t) => Math.max(...t.waiting)));
  const elapsedMinutes = (traces[0]!.time[frame]! - traces[0]!.time[0]!) / 60;
  const nameWidth = Math.max(...comparison.policies.map((p) => p.policy.length));
  return (
    <Box flexDirection="column">
      <Text bold>simulated time +{formatMinutes(elapsedMinutes)} (queue length, same scale for every policy)</Text>
      {comparison.policies.map((p, i) => {
        const trace = traces[i]!;
        const upTo = trace.waiting.slice(0, frame + 1);
        return (
          <Text key={p.policy}>
            {p.policy.padEnd(nameWidth)} {queueSparkline(upTo, maxWaiting).padEnd(WIDTH)} queue {String(trace.waiting[frame]).padStart(4)}
            {'  '}oldest {formatMinutes(trace.oldestWaitSeconds[frame]! / 60)}
          </Text>
        );
      })}
    </Box>
  );
}

/** Plays the animation on a terminal and resolves when it has finished. Only call on a TTY. */
export async function watchSimulation(comparison: Comparison, stdout: NodeJS.WriteStream, frameMs = 25): Promise<void> {
  const app = render(<SimulationWatch comparison={comparison} frameMs={frameMs} />, { stdout, patchConsole: false });
  await app.waitUntilExit();
}
