import { describe, expect, it } from 'vitest';
import { DASH, oneDecimal, orDash, percentOneDecimal, plural, roundTo } from '../../src/model/format.js';

describe('orDash', () => {
  it('formats a value and shows the dash for none', () => {
    expect(orDash(0.5, percentOneDecimal)).toBe('50.0%');
    expect(orDash(0, String)).toBe('0');
    expect(orDash(null, String)).toBe(DASH);
    expect(orDash(undefined, String)).toBe('–');
  });
});

describe('oneDecimal', () => {
  it('rounds half-way cases up as written in decimal, unlike roundTo', () => {
    expect(oneDecimal(7 / 20)).toBe(0.4);
    expect(roundTo(7 / 20, 1)).toBe(0.3);
    expect(oneDecimal(1.45)).toBe(1.5);
    expect(oneDecimal(10.14)).toBe(10.1);
  });
});

describe('plural', () => {
  it('adds an s except for one', () => {
    expect(plural(1, 'agent')).toBe('1 agent');
    expect(plural(3, 'origin')).toBe('3 origins');
    expect(plural(1200, 'ticket', '1,200')).toBe('1,200 tickets');
  });
});
