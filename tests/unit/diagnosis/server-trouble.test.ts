import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src/diagnosis/diagnose';
import { serverErrorHost } from '../../../src/diagnosis/server-facts';
import { verdictImSocketHost, verdictReach } from '../../../src/checks/verdicts';
import type { CheckFact, NetFact } from '../../../src/diagnosis/evidence';
import { NET_ROLES } from '../../../src/network/evidence';
import { FAIL_AT, allPass, answered, check, ev, failedBubble, healthyChat, http, observed, pageKind } from './corpus';

// Item 9 of issue 11: 5xx from several of TikTok's DM hosts is tiktok-outage, with confidence from
// how many attempts and hosts agree; one 5xx is a glitch at most; other hosts never count.

const REACH = ['reach-www', 'reach-im-api', 'im-websocket'] as const;
const subsets = <T>(xs: readonly T[]): T[][] => xs.reduce<T[][]>((acc, x) => acc.concat(acc.map((s) => [...s, x])), [[]]);
const others = allPass([...REACH]);
const top = (e: Parameters<typeof diagnose>[0]) => diagnose(e).ranked[0];

describe('server trouble: a check answered with a 5xx', () => {
  it('names its host only for reach / socket checks that got a 5xx', () => {
    expect(serverErrorHost(verdictReach('reach-www', { ok: true, status: 503, ms: 30 }))).toBe('www');
    expect(serverErrorHost(verdictReach('reach-im-api', { ok: true, status: 500, ms: 30 }))).toBe('im-api');
    expect(serverErrorHost(verdictReach('reach-im-api', { ok: true, status: 599, ms: 3000 }))).toBe('im-api'); // slow: warn
    expect(serverErrorHost(verdictImSocketHost({ ok: true, status: 502, ms: 30 }))).toBe('im-ws');
    expect(serverErrorHost(verdictReach('reach-www', { ok: true, status: 200, ms: 30 }))).toBeNull();
    expect(serverErrorHost(verdictReach('reach-im-api', { ok: true, status: 404, ms: 30 }))).toBeNull();
    expect(serverErrorHost(verdictImSocketHost({ ok: true, status: 400, ms: 30 }))).toBeNull();
    expect(serverErrorHost(verdictReach('reach-www', { ok: false, error: 'timeout', ms: 4000 }))).toBeNull();
    expect(serverErrorHost(check('clock', 'pass', 'clock.ok', { status: 503 }))).toBeNull();
    expect(serverErrorHost(check('reach-www', 'skipped', 'check.notRun', { status: 503 }))).toBeNull();
  });
});

describe('server trouble: confidence follows agreement', () => {
  const send = (n: number, t0 = FAIL_AT - 400): NetFact[] => Array.from({ length: n }, (_, i) => http(503, 'im-api', t0 + i * 700));
  it('the send and a retry failing with 5xx, and the check getting 5xx from another host → tiktok-outage, high', () => {
    for (const page of [failedBubble(), failedBubble(undefined, { fresh: false })]) {
      for (const hosts of subsets(['reach-www', 'im-websocket'] as const).filter((s) => s.length)) {
        for (const imCheck of [200, 503]) {
          const checks: CheckFact[] = [
            ...others,
            answered('reach-im-api', imCheck),
            ...REACH.filter((id) => id !== 'reach-im-api').map((id) => answered(id, (hosts as string[]).includes(id) ? 503 : 200)),
          ];
          expect(top(ev({ page, net: send(2, FAIL_AT + 2000), checks }))).toMatchObject({ id: 'tiktok-outage', confidence: 'high' });
        }
      }
    }
  });
  it('several attempts on the IM host alone → tiktok-outage, medium', () => {
    expect(
      top(
        ev({ page: failedBubble(), net: [http(503, 'im-api', FAIL_AT - 9000), http(503, 'im-api', FAIL_AT - 5000), http(503, 'im-api')] }),
      ),
    ).toMatchObject({ id: 'tiktok-outage', confidence: 'medium' });
    expect(
      top(ev({ page: failedBubble(), net: send(2), checks: [...others, answered('reach-im-api', 503), answered('reach-www', 200)] })),
    ).toMatchObject({ id: 'tiktok-outage', confidence: 'medium' });
  });
  it('one page 5xx is never a high-confidence outage, whatever the checks got', () => {
    for (const role of NET_ROLES) {
      for (const status of [500, 502, 503, 504]) {
        for (const failing of subsets(REACH)) {
          const checks = [...others, ...REACH.map((id) => answered(id, failing.includes(id) ? status : 200))];
          for (const page of [null, healthyChat(), failedBubble(), pageKind('error', 'Something went wrong')]) {
            const d = diagnose(ev({ page, net: [http(status, role)], checks }));
            const outage = d.ranked.find((c) => c.id === 'tiktok-outage');
            expect(outage?.confidence ?? 'low').not.toBe('high');
          }
        }
      }
    }
  });
  it('checks that got 5xx make no problem on their own', () => {
    for (const failing of subsets(REACH)) {
      const checks = [...others, ...REACH.map((id) => answered(id, failing.includes(id) ? 503 : 200))];
      for (const page of [null, healthyChat()]) expect(diagnose(ev({ page, checks })).problem).toBe(false);
    }
  });
});

describe("server trouble: only TikTok's DM hosts count", () => {
  it('5xx from telemetry, LIVE and CDN hosts never reach the evidence', () => {
    for (const url of [
      'https://mcs.tiktokv.us/v1/list',
      'https://mon16-normal-useast5.tiktokv.us/monitor_browser/collect',
      'https://mssdk.tiktokw.us/web/report',
      'https://webcast.tiktok.com/webcast/feed/',
      'https://sf16-website-login.neutral.ttwstatic.com/obj/x.js',
    ]) {
      expect(observed(url, 503)).toEqual([]);
    }
  });
  it('5xx from other TikTok hosts are never a problem, nor an outage', () => {
    const net = [0, 6000, 12000].flatMap((dt) => observed('https://m.tiktok.com/api/x', 503, FAIL_AT - dt));
    expect(net.map((x) => x.role)).toEqual(['other-tiktok', 'other-tiktok', 'other-tiktok']);
    expect(diagnose(ev({ page: healthyChat(), net })).problem).toBe(false);
    const failed = diagnose(ev({ page: failedBubble(), net }));
    expect(failed.problem).toBe(true);
    expect(failed.evidence.map((x) => x.cls)).not.toContain('http-server-error');
    expect(failed.ranked.find((c) => c.id === 'tiktok-outage')?.confidence ?? 'low').toBe('low');
  });
});
