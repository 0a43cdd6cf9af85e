import { describe, expect, it } from 'vitest';
import { utf8Decoder } from '../../src/ingest/utf8.js';

const decodeInPieces = (bytes: Buffer, cuts: number[]): string => {
  const decoder = utf8Decoder();
  let text = '';
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    text += decoder.decode(bytes.subarray(from, cut));
    from = cut;
  }
  return text + decoder.end();
};

describe('utf8Decoder', () => {
  const text = 'Ticket «Zürich» — 東京 🎫 ok, plain ASCII after';
  const bytes = Buffer.from(text, 'utf8');

  it('decodes text cut at every byte, inside characters of 2, 3 and 4 bytes too', () => {
    for (let cut = 0; cut <= bytes.length; cut++) expect(decodeInPieces(bytes, [cut])).toBe(text);
  });

  it('decodes text cut into single bytes', () => {
    expect(decodeInPieces(bytes, Array.from({ length: bytes.length }, (_, i) => i))).toBe(text);
  });

  it('agrees with TextDecoder on invalid bytes and a character cut off at the end', () => {
    const broken = Buffer.concat([Buffer.from('a'), Buffer.from([0xff, 0xc3]), Buffer.from('b'), Buffer.from([0xe6, 0x9d])]);
    expect(decodeInPieces(broken, [2, 3])).toBe(new TextDecoder().decode(broken));
  });
});
