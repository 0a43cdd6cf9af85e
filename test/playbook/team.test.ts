import { describe, expect, it } from 'vitest';
import { leadsFor, teamNote } from '../../src/playbook/team.js';

describe('team-size rules', () => {
  it.each([
    [3, 'due when it reaches 5'],
    [5, 'due now'],
    [10, 'due now'],
    [11, 'overdue unless already written'],
  ])('process documentation for a team of %i: %s', (team, text) => {
    expect(teamNote('process-docs', team)).toContain(text);
  });

  it.each([
    [3, 'not yet'],
    [6, 'about now'],
    [12, 'past 6'],
  ])('specialisation for a team of %i: %s', (team, text) => {
    expect(teamNote('specialise', team)).toContain(text);
  });

  // research/staffing.md §7.1: about 1:8 for specialised teams, 1:15–1:20 for simpler high-volume work.
  it('sizes leads at 8:1 and 15–20:1', () => {
    expect(leadsFor(40, 8)).toBe(5);
    expect(leadsFor(41, 8)).toBe(6);
    expect(teamNote('span', 40)).toBe('40 agents: 5 leads at 8:1 (specialised), 2–3 at 15–20:1 (general)');
    expect(teamNote('span', 60)).toBe('60 agents: 8 leads at 8:1 (specialised), 3–4 at 15–20:1 (general)');
    expect(teamNote('span', 10)).toBe('10 agents: 2 leads at 8:1 (specialised), 1 at 15–20:1 (general)');
  });
});
