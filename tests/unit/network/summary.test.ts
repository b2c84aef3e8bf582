import { describe, it, expect } from 'vitest';
import { imActivityAround, imSendMissing, summarise, type NetEvent } from '../../../src/network/evidence';

const NOW = 1_760_000_600_000;
const err = (t: number, cls: NetEvent['cls'], role: NetEvent['role'] = 'im-api'): NetEvent =>
  ({ t, role, url: `${role}.tiktok.com/`, kind: 'error', cls, error: 'x' });
const http = (t: number, httpClass: NetEvent['httpClass'], role: NetEvent['role'] = 'im-api'): NetEvent =>
  ({ t, role, url: `${role}.tiktok.com/`, kind: 'http', status: 200, httpClass });

describe('summarise: never decide on one failure', () => {
  it('one failure is not confirmed', () => {
    const s = summarise([err(NOW - 1_000, 'connection-reset')], NOW);
    expect(s.errors['connection-reset']).toMatchObject({ count: 1, firstAt: NOW - 1_000, lastAt: NOW - 1_000, confirmed: false });
  });

  it('two failures less than 5 s apart are not confirmed', () => {
    const s = summarise([err(NOW - 10_000, 'timeout'), err(NOW - 5_001, 'timeout')], NOW);
    expect(s.errors.timeout).toMatchObject({ count: 2, confirmed: false });
  });

  it('two failures 5 s apart are confirmed, in any order', () => {
    const s = summarise([err(NOW - 5_000, 'timeout'), err(NOW - 10_000, 'timeout'), err(NOW - 7_000, 'timeout')], NOW);
    expect(s.errors.timeout).toMatchObject({ count: 3, firstAt: NOW - 10_000, lastAt: NOW - 5_000, confirmed: true });
  });

  it('classes are counted separately: two different failures confirm nothing', () => {
    const s = summarise([err(NOW - 20_000, 'timeout'), err(NOW - 1_000, 'dns')], NOW);
    expect(s.errors.timeout?.confirmed).toBe(false);
    expect(s.errors.dns?.confirmed).toBe(false);
  });

  it('applies to HTTP failure classes too and lists roles', () => {
    const s = summarise([http(NOW - 30_000, 'server-error', 'www-api'), http(NOW - 2_000, 'server-error', 'im-api')], NOW);
    expect(s.http['server-error']).toMatchObject({ count: 2, confirmed: true, roles: ['www-api', 'im-api'] });
  });

  it('ignores events outside the window and aborted leftovers', () => {
    const s = summarise([err(NOW - 11 * 60_000, 'timeout'), err(NOW - 1_000, 'timeout'), err(NOW - 500, 'aborted')], NOW);
    expect(s.errors.timeout?.count).toBe(1);
    expect(s.errors.aborted).toBeUndefined();
    expect(s.total).toBe(2);
    expect(summarise([err(NOW - 11 * 60_000, 'timeout')], NOW, 12 * 60_000).errors.timeout?.count).toBe(1);
  });

  it('reports the last success and whether it came after a failure on the same role', () => {
    const events = [err(NOW - 20_000, 'connection-reset'), http(NOW - 10_000, 'ok'), err(NOW - 15_000, 'dns', 'www')];
    const s = summarise(events, NOW);
    expect(s.lastOkAt).toBe(NOW - 10_000);
    expect(s.errors['connection-reset']?.okSince).toBe(true);
    expect(s.errors.dns?.okSince).toBe(false); // the success was on im-api, not www
    expect((s.http as Record<string, unknown>).ok).toBeUndefined(); // successes are not a failure class
  });

  it('empty input', () => {
    expect(summarise([], NOW)).toEqual({ errors: {}, http: {}, lastOkAt: null, total: 0 });
  });
});

describe('imActivityAround: a failed send with no IM request', () => {
  const failedAt = NOW - 30_000;

  it('counts im-api and im-ws events from 10 s before to 2 s after', () => {
    const events = [
      http(failedAt - 10_000, 'ok'), err(failedAt + 2_000, 'timeout'),
      http(failedAt - 1_000, 'ok', 'im-ws'), http(failedAt, 'rate-limited', 'www-api'),
    ];
    expect(imActivityAround(failedAt, events)).toEqual({ imApi: 2, imWs: 1, missing: false });
  });

  it('is missing when IM traffic is outside the window or absent', () => {
    const events = [http(failedAt - 10_001, 'ok'), http(failedAt + 2_001, 'ok'), http(failedAt, 'ok', 'www')];
    expect(imActivityAround(failedAt, events)).toEqual({ imApi: 0, imWs: 0, missing: true });
    expect(imSendMissing(failedAt, events)).toBe(true);
    expect(imSendMissing(failedAt, [])).toBe(true);
    expect(imSendMissing(failedAt, [err(failedAt - 100, 'blocked-by-client')])).toBe(false);
  });

  it('takes a custom window', () => {
    expect(imActivityAround(failedAt, [http(failedAt - 20_000, 'ok')], { beforeMs: 30_000 }).missing).toBe(false);
  });
});
