import { describe, it, expect } from 'vitest';
import {
  canRunChecks,
  CHECK_IDS,
  MAX_TIKTOK_REQUESTS_PER_RUN,
  PROBE_TIMEOUT_MS,
  PROBE_URLS,
  requestPlan,
  tiktokRequestCount,
} from '../../../src/checks/verdicts';
import { hostRole } from '../../../src/network/hosts';

describe('request budget', () => {
  it.each([true, false])('consent=%s: at most 6 requests to TikTok hosts per run', (consent) => {
    const plan = requestPlan({ consent });
    expect(tiktokRequestCount(plan)).toBeLessThanOrEqual(MAX_TIKTOK_REQUESTS_PER_RUN);
    expect(MAX_TIKTOK_REQUESTS_PER_RUN).toBe(6);
    // The tiktok flag is honest: it matches the host of every target.
    for (const r of plan) expect(hostRole(r.url) !== null).toBe(r.tiktok);
    for (const r of plan) expect(CHECK_IDS).toContain(r.check);
  });

  it('without consent nothing but TikTok is contacted', () => {
    const plan = requestPlan({ consent: false });
    expect(plan.every((r) => r.tiktok && !r.needsConsent)).toBe(true);
    expect(tiktokRequestCount(plan)).toBe(4);
  });

  it('with consent the third-party probes are marked as needing it', () => {
    const plan = requestPlan({ consent: true });
    expect(plan.filter((r) => !r.tiktok).map((r) => [r.check, r.needsConsent])).toEqual([
      ['dns', true],
      ['captive-portal', true],
    ]);
    expect(tiktokRequestCount(plan)).toBe(3);
  });

  it('probes time out within 5 s and target the hosts the reference names', () => {
    expect(PROBE_TIMEOUT_MS).toBeLessThanOrEqual(5_000);
    expect(hostRole(PROBE_URLS.imApi)).toBe('im-api');
    expect(hostRole(PROBE_URLS.imWs)).toBe('im-ws');
    expect(hostRole(PROBE_URLS.www)).toBe('www');
  });
});

describe('canRunChecks', () => {
  const now = 1_760_000_000_000;
  it('first run is allowed', () => {
    expect(canRunChecks(null, now)).toEqual({ allowed: true });
  });
  it('refuses within 30 s and says how long to wait', () => {
    expect(canRunChecks(now - 10_000, now)).toEqual({ allowed: false, ageMs: 10_000, retryInMs: 20_000 });
    expect(canRunChecks(now - 29_999, now).allowed).toBe(false);
  });
  it('allows from 30 s on, and with a custom interval', () => {
    expect(canRunChecks(now - 30_000, now)).toEqual({ allowed: true, ageMs: 30_000 });
    expect(canRunChecks(now - 10_000, now, 5_000).allowed).toBe(true);
  });
  it('a clock set back does not lock the person out', () => {
    expect(canRunChecks(now + 60_000, now).allowed).toBe(true);
    expect(canRunChecks(Number.NaN, now).allowed).toBe(true);
  });
});
