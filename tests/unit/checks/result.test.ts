import { emptyTabState, TabStateSchema } from '../../../src/contracts/tab-state';
import { describe, it, expect } from 'vitest';
import {
  CHECK_IDS,
  CheckResultSchema,
  orderedResults,
  running,
  skipped,
  verdictBrowserVersion,
  parseUserAgent,
  type CheckResult,
} from '../../../src/checks/verdicts';

describe('check ids and results', () => {
  it('ids are in the contract order', () => {
    expect(CHECK_IDS).toEqual([
      'online',
      'reach-www',
      'reach-im-api',
      'im-websocket',
      'dns',
      'captive-portal',
      'clock',
      'proxy',
      'browser-version',
    ]);
  });

  it('skipped() never passes', () => {
    expect(skipped('dns', 'dns.noConsent')).toEqual({ id: 'dns', status: 'skipped', reason: { key: 'dns.noConsent' } });
    expect(skipped('clock').reason.key).toBe('check.notRun');
  });

  it('orderedResults: missing checks run while the run goes on, are skipped after', () => {
    const pass: CheckResult = { id: 'clock', status: 'pass', reason: { key: 'clock.ok' } };
    const during = orderedResults([pass, running('dns')], { finished: false });
    expect(during.map((r) => r.id)).toEqual([...CHECK_IDS]);
    expect(during.find((r) => r.id === 'online')?.status).toBe('running');
    expect(during.find((r) => r.id === 'clock')).toEqual(pass);

    const after = orderedResults([running('dns'), pass, { id: 'nope', status: 'pass' }, null], { finished: true });
    expect(after.map((r) => r.id)).toEqual([...CHECK_IDS]);
    expect(after.find((r) => r.id === 'dns')).toEqual({ id: 'dns', status: 'skipped', reason: { key: 'check.interrupted' } });
    expect(after.find((r) => r.id === 'online')).toEqual({ id: 'online', status: 'skipped', reason: { key: 'check.notRun' } });
    expect(after.filter((r) => r.status === 'pass')).toEqual([pass]);
  });

  it('the schema rejects bad stored results', () => {
    expect(CheckResultSchema.safeParse({ id: 'dns', status: 'green', reason: { key: 'x' } }).success).toBe(false);
    expect(CheckResultSchema.safeParse({ id: 'dns', status: 'pass', reason: { key: 'x', params: { a: {} } } }).success).toBe(false);
    expect(CheckResultSchema.safeParse({ id: 'dns', status: 'pass', reason: { key: 'x' }, detail: { a: true } }).success).toBe(true);
  });

  it('the schema takes parameters and details only as plain objects of plain values (as zod records of unions did)', () => {
    const ok = (reason: unknown, detail?: unknown) =>
      CheckResultSchema.safeParse({ id: 'dns', status: 'pass', reason, ...(detail === undefined ? {} : { detail }) }).success;
    expect(ok({ key: 'x', params: { host: 'a', ms: 12 } })).toBe(true);
    expect(ok({ key: 'x', params: Object.assign(Object.create(null), { n: 1 }) })).toBe(true);
    for (const params of [
      { a: true },
      { a: Number.NaN },
      { a: Number.POSITIVE_INFINITY },
      { a: null },
      { a: ['x'] },
      ['x'],
      'x',
      new Date(0),
    ])
      expect(ok({ key: 'x', params }), JSON.stringify(params)).toBe(false);
    expect(ok({ key: 'x' }, { a: 'b', n: 1, f: false })).toBe(true);
    for (const detail of [{ a: null }, { a: {} }, { a: Number.NaN }, [true], new Map()]) expect(ok({ key: 'x' }, detail)).toBe(false);
    const state = (answers: unknown) => TabStateSchema.safeParse({ ...emptyTabState(1, 0), answers }).success;
    expect(state({ q1: true, q2: false })).toBe(true);
    for (const answers of [{ q1: 'yes' }, { q1: 1 }, [true], null]) expect(state(answers)).toBe(false);
  });
});

describe('verdictBrowserVersion', () => {
  const CHROME = (v: number) => `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${v}.0.0.0 Safari/537.36`;
  const FIREFOX = (v: number) => `Mozilla/5.0 (X11; Linux x86_64; rv:${v}.0) Gecko/20100101 Firefox/${v}.0`;
  const EDGE =
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0';

  it('parses user agents', () => {
    expect(parseUserAgent(CHROME(131))).toEqual({ name: 'chrome', major: 131 });
    expect(parseUserAgent(FIREFOX(153))).toEqual({ name: 'firefox', major: 153 });
    expect(parseUserAgent(EDGE)).toEqual({ name: 'chrome', major: 131 });
    expect(parseUserAgent('Mozilla/5.0 (Macintosh) AppleWebKit/605.1.15 Version/17.0 Safari/605.1.15')).toBeNull();
  });

  it.each([
    [CHROME(156), 'pass', 'browser.ok'],
    [CHROME(110), 'pass', 'browser.ok'],
    [CHROME(109), 'warn', 'browser.old'],
    [CHROME(90), 'warn', 'browser.old'],
    [CHROME(89), 'fail', 'browser.tooOld'],
    [FIREFOX(153), 'pass', 'browser.ok'],
    [FIREFOX(115), 'pass', 'browser.ok'],
    [FIREFOX(114), 'warn', 'browser.old'],
    [FIREFOX(101), 'fail', 'browser.tooOld'],
  ] as const)('%s → %s', (ua, status, key) => {
    const r = verdictBrowserVersion(ua);
    expect(r.status).toBe(status);
    expect(r.reason.key).toBe(key);
  });

  it('takes {name, major}; unknown browsers are skipped', () => {
    expect(verdictBrowserVersion({ name: 'Firefox', major: 120 })).toMatchObject({
      status: 'pass',
      reason: { params: { name: 'firefox', major: 120, min: 115 } },
    });
    expect(verdictBrowserVersion({ name: 'chrome', major: 100 })).toMatchObject({ status: 'warn', detail: { cause: 'outdated-browser' } });
    expect(verdictBrowserVersion({ name: 'safari', major: 17 })).toEqual({
      id: 'browser-version',
      status: 'skipped',
      reason: { key: 'browser.unknown' },
    });
    expect(verdictBrowserVersion('')).toMatchObject({ status: 'skipped' });
    expect(verdictBrowserVersion(null)).toMatchObject({ status: 'skipped' });
    expect(verdictBrowserVersion({ name: 'chrome', major: Number.NaN })).toMatchObject({ status: 'skipped' });
  });
});
