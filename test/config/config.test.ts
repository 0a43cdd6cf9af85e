import { mkdtemp, readFile, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/context.js';
import { CsopsError } from '../../src/errors.js';
import { resolveBusinessHours, resolveCsatSatisfiedFrom, resolveTargets } from '../../src/config/defaults.js';
import { configJsonSchemaText, SCHEMA_FILE } from '../../src/config/json-schema.js';
import { loadConfig, parseConfig } from '../../src/config/load.js';
import { envValue, resolveSetting } from '../../src/config/resolve.js';
import { addConfigOption, resolveRunSettings } from '../../src/cli/settings.js';
import { addInputOptions } from '../../src/cli/input.js';
import { Command } from 'commander';

const context = (cwd: string, env: NodeJS.ProcessEnv = {}): CliContext => ({
  stdout: { write: () => true },
  stderr: { write: () => true },
  stdin: process.stdin,
  env,
  cwd,
});

const errorOf = (fn: () => unknown): CsopsError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof CsopsError) return error;
    throw error;
  }
  throw new Error('expected a CsopsError');
};

describe('parseConfig', () => {
  it('reads durations in any unit as minutes and keeps the rest', () => {
    const config = parseConfig(
      JSON.stringify({
        timeZone: 'Europe/Berlin',
        targets: { firstReply: '4h', resolution: 90, csat: 0.85 },
        check: { rules: ['firstReply.p90 <= 4h', { metric: 'csat.score', op: '>=', value: '80%' }], minSample: 10 },
        businessHours: { days: ['mon', 'tue'], start: '08:30', end: '17:00' },
        columns: { id: 'Ticket #', createdAt: 'Opened' },
        staffing: { handleTime: '12m', occupancy: 0.85, hiringLeadTime: '8w' },
      }),
      'csops.config.json',
    );
    expect(config.targets?.firstReply).toBe(240);
    expect(config.targets?.resolution).toBe(90);
    expect(config.staffing?.handleTime).toBe(12);
    expect(config.staffing?.hiringLeadTime).toBe(8 * 7 * 24 * 60);
    expect(config.check?.rules).toHaveLength(2);
    expect(config.columns).toEqual({ id: 'Ticket #', createdAt: 'Opened' });
  });

  it.each([
    [{ targets: { csat: 80 } }, 'csops.config.json: targets.csat: '],
    [{ targets: { csta: 0.8 } }, 'csops.config.json: unknown key "targets.csta"'],
    [{ colour: true }, 'csops.config.json: unknown key "colour"'],
    [{ timeZone: 'Mars/Olympus' }, 'csops.config.json: timeZone: is not an IANA time zone'],
    [{ targets: { firstReply: 'soon' } }, 'csops.config.json: targets.firstReply: is not a duration'],
    [{ check: { rules: [{ metric: 'csat.score', op: '=>', value: 1 }] } }, 'csops.config.json: check.rules[0]'],
    [{ businessHours: { start: '18:00', end: '09:00' } }, 'csops.config.json: businessHours.end: start must be before end'],
    [{ columns: { subject: 'Title' } }, 'csops.config.json: unknown key "columns.subject"'],
    [{ businessHours: { holidays: ['2024-02-30'] } }, 'csops.config.json: businessHours.holidays[0]: is not a calendar date'],
  ])('rejects %j naming the key', (raw, expected) => {
    const error = errorOf(() => parseConfig(JSON.stringify(raw), 'csops.config.json'));
    expect(error.exitCode).toBe(2);
    expect(error.message.startsWith(expected), error.message).toBe(true);
    expect(error.message).not.toContain('\n');
  });

  it('names the line of a JSON syntax error', () => {
    const error = errorOf(() => parseConfig('{\n  "timeZone": "UTC",\n  "targets": { "csat": 0.8, }\n}', 'my.json'));
    expect(error.exitCode).toBe(2);
    expect(error.message).toMatch(/^my\.json:3: is not valid JSON/);
  });

  it('counts further problems without listing them', () => {
    const error = errorOf(() => parseConfig(JSON.stringify({ targets: { csat: 2, nps: 500 } }), 'c.json'));
    expect(error.message).toMatch(/\(and 1 more problem\)$/);
  });
});

describe('resolveTargets', () => {
  it('uses the source document targets by default (DOMAIN.md §3)', () => {
    const t = resolveTargets({});
    expect([t.csat, t.nps, t.customerChurn, t.mrrChurn, t.netMrrChurn]).toEqual([0.8, 50, 0.05, 0.01, 0]);
    expect(t.firstReplyMinutes).toBe(60);
  });
  it('lets the config override any target', () => {
    expect(resolveTargets({ targets: { nps: 30, firstReply: 120 } })).toMatchObject({ nps: 30, firstReplyMinutes: 120, csat: 0.8 });
  });
});

describe('resolveCsatSatisfiedFrom', () => {
  it("counts 4 of 5 and 9 of 10 satisfied unless the config sets a scale's cut-off", () => {
    expect(resolveCsatSatisfiedFrom({})).toEqual({ '1-5': 4, '0-10': 9 });
    expect(resolveCsatSatisfiedFrom({ surveys: { csatSatisfiedFrom: { '1-5': 5 } } })).toEqual({ '1-5': 5, '0-10': 9 });
    expect(resolveCsatSatisfiedFrom({ surveys: { csatSatisfiedFrom: { '0-10': 7 } } })).toEqual({ '1-5': 4, '0-10': 7 });
  });
});

describe('resolveBusinessHours', () => {
  it.each([
    [{}, 'Mon–Fri 09:00–17:00', [0, 1, 2, 3, 4], 540, 1020],
    [{ businessHours: { days: ['sun', 'sat'] as const, start: '10:30' } }, 'Sat, Sun 10:30–17:00', [5, 6], 630, 1020],
    [{ businessHours: { days: ['mon', 'wed', 'fri'] as const, end: '24:00' } }, 'Mon, Wed, Fri 09:00–24:00', [0, 2, 4], 540, 1440],
  ])('%j', (config, label, weekdays, start, end) => {
    const hours = resolveBusinessHours(config as never);
    expect(hours).toMatchObject({ label, weekdays, startMinutes: start, endMinutes: end });
  });
});

describe('precedence: flags > env > config > measured > defaults', () => {
  it.each([
    [{ flag: 'a', env: 'b', config: 'c' }, 'a', 'flag'],
    [{ env: 'b', config: 'c' }, 'b', 'env'],
    [{ config: 'c' }, 'c', 'config'],
    [{ config: 'c', measured: 'm' }, 'c', 'config'],
    [{ measured: 'm' }, 'm', 'measured'],
    [{}, 'd', 'default'],
  ])('%j resolves to %s', (layers, value, source) => {
    expect(resolveSetting<string>(layers, 'd')).toEqual({ value, source });
  });

  it('treats an empty environment variable as unset and rejects a bad one by name', () => {
    const parse = (t: string) => (/^\d+$/.test(t) ? Number(t) : undefined);
    expect(envValue({ CSOPS_MIN_SAMPLE: ' ' }, 'CSOPS_MIN_SAMPLE', parse, 'a whole number')).toBeUndefined();
    expect(envValue({ CSOPS_MIN_SAMPLE: '5' }, 'CSOPS_MIN_SAMPLE', parse, 'a whole number')).toBe(5);
    expect(() => envValue({ CSOPS_MIN_SAMPLE: 'x' }, 'CSOPS_MIN_SAMPLE', parse, 'a whole number')).toThrow(
      'CSOPS_MIN_SAMPLE="x" is not a whole number',
    );
  });
});

describe('resolveRunSettings: the time zone and where it came from', () => {
  const settings = async (args: string[], env: NodeJS.ProcessEnv, config?: object) => {
    const cwd = await mkdtemp(join(tmpdir(), 'csops-settings-'));
    if (config) await writeFile(join(cwd, 'csops.config.json'), JSON.stringify(config));
    const command = addConfigOption(addInputOptions(new Command('x').exitOverride()));
    command.parse(args, { from: 'user' });
    const resolved = await resolveRunSettings(command, command.opts(), context(cwd, env));
    return { tz: resolved.input.tz, source: resolved.tzSource };
  };

  it.each([
    [['--tz', 'Asia/Tokyo'], { CSOPS_TZ: 'Europe/Paris' }, { timeZone: 'America/Chicago' }, 'Asia/Tokyo', 'flag'],
    [[], { CSOPS_TZ: 'Europe/Paris' }, { timeZone: 'America/Chicago' }, 'Europe/Paris', 'env'],
    [[], { CSOPS_TZ: '  ' }, { timeZone: 'America/Chicago' }, 'America/Chicago', 'config'],
    [[], { CSOPS_TZ: '  ' }, undefined, 'UTC', 'default'],
  ])('%j with env %j and config %j → %s from %s', async (args, env, config, tz, source) => {
    expect(await settings(args, env, config)).toEqual({ tz, source });
  });
});

describe('loadConfig', () => {
  const dir = async () => mkdtemp(join(tmpdir(), 'csops-config-'));

  it('returns an empty config when the working directory has none', async () => {
    expect(await loadConfig(context(await dir()))).toEqual({ config: {} });
  });

  it('finds csops.config.json in the working directory', async () => {
    const cwd = await dir();
    await writeFile(join(cwd, 'csops.config.json'), '{"targets":{"nps":40}}');
    const loaded = await loadConfig(context(cwd));
    expect(loaded.config.targets?.nps).toBe(40);
    expect(loaded.path).toBe(join(cwd, 'csops.config.json'));
  });

  it('prefers --config over $CSOPS_CONFIG over the working directory', async () => {
    const cwd = await dir();
    await mkdir(join(cwd, 'cfg'));
    await writeFile(join(cwd, 'csops.config.json'), '{"targets":{"nps":1}}');
    await writeFile(join(cwd, 'cfg', 'env.json'), '{"targets":{"nps":2}}');
    await writeFile(join(cwd, 'cfg', 'flag.json'), '{"targets":{"nps":3}}');
    const env = { CSOPS_CONFIG: 'cfg/env.json' };
    expect((await loadConfig(context(cwd, env))).config.targets?.nps).toBe(2);
    expect((await loadConfig(context(cwd, env), 'cfg/flag.json')).config.targets?.nps).toBe(3);
  });

  it('fails with exit 2 when a named config file is missing', async () => {
    const cwd = await dir();
    await expect(loadConfig(context(cwd), 'nope.json')).rejects.toThrow('nope.json: config file not found');
    await expect(loadConfig(context(cwd, { CSOPS_CONFIG: 'gone.json' }))).rejects.toThrow(
      'gone.json: config file not found (from CSOPS_CONFIG)',
    );
  });
});

describe('JSON Schema', () => {
  it('the committed csops.config.schema.json is up to date (run `npm run schema`)', async () => {
    const committed = await readFile(new URL(`../../${SCHEMA_FILE}`, import.meta.url), 'utf8');
    expect(committed).toBe(configJsonSchemaText());
  });

  it('describes what people write: durations as text or minutes, rules as text or objects', () => {
    const schema = JSON.parse(configJsonSchemaText());
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.targets.properties.firstReply.anyOf.map((s: { type: string }) => s.type)).toEqual(['number', 'string']);
    expect(Object.keys(schema.properties)).toEqual(['$schema', 'timeZone', 'businessHours', 'columns', 'targets', 'check', 'surveys', 'staffing']);
  });
});
