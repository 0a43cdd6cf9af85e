import { describe, expect, it } from 'vitest';
import { formatMinutes, parseDurationSeconds } from '../../src/model/duration.js';

describe('parseDurationSeconds', () => {
  it.each([
    ['90s', 90],
    ['30m', 1800],
    ['4h', 14_400],
    ['1.5d', 129_600],
    ['2w', 1_209_600],
    ['8', 480],
    [' 2H ', 7200],
  ])('%j is %d seconds', (text, seconds) => {
    expect(parseDurationSeconds(text)).toBe(seconds);
  });

  it('reads a bare number in the unit given', () => {
    expect(parseDurationSeconds('30', 's')).toBe(30);
  });

  it.each(['', 'h', '-5m', '5 minutes', '1h30m'])('%j is not a duration', (text) => {
    expect(parseDurationSeconds(text)).toBeNaN();
  });
});

describe('formatMinutes', () => {
  it.each([
    [45, '45m'],
    [90, '1.5h'],
    [4320, '3d'],
    [null, '–'],
  ])('%j → %s', (minutes, text) => {
    expect(formatMinutes(minutes)).toBe(text);
  });
});
