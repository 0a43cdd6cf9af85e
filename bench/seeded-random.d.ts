/** Types of seeded-random.js, for the test that checks it against src/queue/random.ts. */
export function mulberry32(seed: number): () => number;
