/**
 * Seeded pseudo-random numbers for the simulator. mulberry32 (Tommy Ettinger's 32-bit generator):
 * tiny, fast, and good enough for queue sampling; its period of 2^32 draws is far above the few
 * million a year-long simulation needs. Math.random is never used, so a seed reproduces a run.
 */
export type Uniform = () => number;

/** Next 32-bit output of mulberry32, advancing `state` (held in a one-element array). */
function mulberryStep(state: Uint32Array): number {
  state[0] = (state[0]! + 0x6d2b79f5) >>> 0;
  let z = state[0]!;
  z = Math.imul(z ^ (z >>> 15), z | 1);
  z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
  return (z ^ (z >>> 14)) >>> 0;
}

/** Raw 32-bit outputs (for checking the generator against its C original). */
export function mulberry32Words(seed: number): () => number {
  const state = new Uint32Array([seed >>> 0]);
  return () => mulberryStep(state);
}

/** Uniform numbers in (0, 1): never 0, so logarithms of them are finite. */
export function uniformSource(seed: number): Uniform {
  const next = mulberry32Words(seed);
  return () => (next() + 0.5) / 4294967296;
}

/** Exponential with the given mean, by inversion. */
export const exponential = (u: Uniform, mean: number): number => -mean * Math.log(u());

/** Standard normal by Box–Muller (one of the pair; simplicity beats the saved draw here). */
export const standardNormal = (u: Uniform): number => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());

/**
 * Derives an independent-looking seed for a sub-stream (arrivals, handle times, patience), so
 * changing how many handle times are drawn does not shift the arrival sequence.
 */
export const subSeed = (seed: number, stream: number): number => mulberry32Words((seed ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0)();
