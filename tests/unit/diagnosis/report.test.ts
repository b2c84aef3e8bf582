import { describe, it, expect } from 'vitest';
import { buildReport, reportJson, type ReportInput } from '../../../src/diagnosis/report';
import { diagnose } from '../../../src/diagnosis/diagnose';
import type { CheckResult } from '../../../src/checks/result';
import type { NetEvent } from '../../../src/network/evidence';
import { E, FAIL_AT, NOW, allPass, ev, failedBubble, healthyChat, report } from './corpus';

// The copyable report: redacted like the evidence (DESIGN "Privacy"), TikTok's own notice verbatim,
// and enough context to be useful (browser, versions, page generation, evidence, checks, ranking, time).

const MARKERS = [/MARKER-7f3a/i, /marker_7f3a/i, /7301948089581/, /6655443322/];

/** A network record as the observer stores it, with markers where a careless record could carry them. */
function netEvent(over: Partial<NetEvent>): NetEvent & { url: string } {
  return {
    t: FAIL_AT - 400,
    role: 'im-api',
    url: 'im-api.tiktok.com/v1/message/send',
    kind: 'error',
    cls: 'connection-reset',
    error: 'net::ERR_CONNECTION_RESET',
    ...over,
  };
}

const NET: (NetEvent & { url: string })[] = [
  netEvent({ url: 'https://im-api.tiktok.com/v1/message/send?q=MARKER-7f3a&msToken=MARKER-7f3a' }),
  netEvent({
    t: FAIL_AT - 7000,
    role: 'www',
    url: 'https://www.tiktok.com/@marker_7f3a/video/7301948089581#MARKER-7f3a',
    error: 'net::ERR_CONNECTION_RESET',
  }),
  netEvent({
    t: FAIL_AT - 3000,
    role: 'www-api',
    url: 'www.tiktok.com/api/user/detail/?uniqueId=marker_7f3a&secUid=MARKER-7f3a',
    kind: 'http',
    cls: undefined,
    error: undefined,
    status: 503,
    httpClass: 'server-error',
  }),
  netEvent({
    t: FAIL_AT - 2000,
    role: 'www',
    url: 'www.tiktok.com/messages?lang=en&u=6655443322',
    kind: 'http',
    cls: undefined,
    error: undefined,
    status: 302,
    httpClass: 'login-redirect',
  }),
];

const CHECKS: CheckResult[] = [
  ...allPass(['reach-im-api', 'dns', 'proxy']).map((c) => ({ ...c, ms: 42 }) as CheckResult),
  {
    id: 'reach-im-api',
    status: 'fail',
    reason: {
      key: 'reach.failed',
      params: { cls: 'connection-reset', error: 'net::ERR_CONNECTION_RESET', host: 'im-api.tiktok.com/?q=MARKER-7f3a' },
    },
    ms: 80,
  },
  { id: 'dns', status: 'skipped', reason: { key: 'dns.noConsent', params: { who: '@marker_7f3a' } } },
  {
    id: 'proxy',
    status: 'warn',
    reason: { key: 'proxy.error', params: { count: 1 } },
    detail: { cause: 'proxy-vpn', proxy: true, note: 'MARKER-7f3a' },
  },
];

function input(over: Partial<ReportInput> = {}): ReportInput {
  const page = failedBubble(E[5], { generation: 'legacy' });
  // the page report's own location and failure id never go into the report either
  page.where = 'www.tiktok.com/@marker_7f3a/messages';
  page.failureId = 'MARKER-7f3a';
  const evidence = ev({
    page,
    net: NET.map(({ t, role, kind, cls, httpClass, status }) => ({
      t,
      role,
      kind,
      ...(cls ? { cls } : {}),
      ...(httpClass ? { httpClass } : {}),
      ...(status ? { status } : {}),
    })),
    checks: CHECKS,
    // answers are keyed by question id, which the popup sends as free text
    answers: { 'follows-back': false, 'MARKER-7f3a': true, '@marker_7f3a': false },
  });
  return {
    state: 'problem',
    diagnosis: diagnose(evidence),
    checks: CHECKS,
    page,
    net: NET,
    at: NOW,
    browser: 'firefox',
    browserVersion: '131.0.2',
    version: '0.4.1',
    ...over,
  };
}

describe('report: nothing private leaks', () => {
  it('the report text holds none of the planted markers', () => {
    const text = buildReport(input());
    for (const m of MARKERS) expect(text).not.toMatch(m);
  });

  it('the JSON holds none either', () => {
    const json = JSON.stringify(reportJson(input()));
    for (const m of MARKERS) expect(json).not.toMatch(m);
  });

  it('handles, numeric ids, queries and the scheme are redacted, host and path kept', () => {
    const network = reportJson(input()).network as { where: string }[];
    expect(network.map((n) => n.where)).toEqual([
      'im-api.tiktok.com/v1/message/send',
      'www.tiktok.com/@[handle]/video/[id]',
      'www.tiktok.com/api/user/detail/',
      'www.tiktok.com/messages',
    ]);
  });

  it('a network record without a url is named by its host role', () => {
    const j = reportJson(input({ net: [{ t: FAIL_AT, role: 'im-ws', kind: 'error', cls: 'websocket' }] }));
    expect(j.network).toEqual([expect.objectContaining({ where: 'im-ws', class: 'websocket' })]);
  });

  it('only the last 20 network records are listed', () => {
    const many = Array.from({ length: 30 }, (_, i) => netEvent({ t: FAIL_AT + i }));
    expect((reportJson(input({ net: many })).network as unknown[]).length).toBe(20);
  });
});

describe("report: TikTok's own notice appears verbatim", () => {
  it('in the text and the JSON, curly apostrophes and all', () => {
    const r = input();
    expect(r.diagnosis?.notice).toBe(E[5]);
    const text = buildReport(r);
    expect(text).toContain(`TikTok said: "${E[5]}"`);
    expect(reportJson(r).notice).toBe(E[5]);
    expect(text).toContain(JSON.stringify(E[5]));
  });

  it('no notice line when TikTok showed none', () => {
    const d = diagnose(ev({ page: failedBubble(), net: [] }));
    expect(buildReport(input({ diagnosis: d }))).not.toContain('TikTok said');
  });
});

describe('report: what it names', () => {
  const r = input();
  const text = buildReport(r);
  const j = reportJson(r);

  it('browser and version, extension version, time', () => {
    expect(text).toContain('firefox 131.0.2');
    expect(text).toContain('DM Doctor 0.4.1');
    expect(text).toContain(new Date(NOW).toISOString());
    expect(j).toMatchObject({
      browser: 'firefox 131.0.2',
      extension: 'DM Doctor 0.4.1',
      time: new Date(NOW).toISOString(),
      state: 'problem',
    });
  });

  it('the page generation, kind and failures', () => {
    expect(j.page).toMatchObject({ generation: 'legacy', page: 'inbox', failures: 1, fresh: true, recognition: 'recognized' });
    expect(text).toContain('"generation":"legacy"');
  });

  it('the evidence classes', () => {
    const classes = r.diagnosis!.evidence.map((e) => e.cls);
    expect(classes).toEqual(
      expect.arrayContaining([
        'failed-send',
        'notice-known',
        'net-connection-reset',
        'http-server-error',
        'check-reach-im-api-fail',
        'answer-follows-back',
      ]),
    );
    expect(text).toContain(`Evidence: ${classes.join(', ')}`);
    expect(j.evidence).toEqual(classes);
  });

  it('every check with its status, skipped ones included', () => {
    for (const c of CHECKS) expect(text).toContain(`${c.id}=${c.status}`);
    expect(j.checks).toEqual(
      expect.arrayContaining([
        { id: 'dns', status: 'skipped', reason: 'dns.noConsent', ms: undefined },
        { id: 'reach-im-api', status: 'fail', reason: 'reach.failed', ms: 80 },
      ]),
    );
  });

  it('the ranking with confidence, most likely first', () => {
    const d = r.diagnosis!;
    expect(d.ranked[0]!.id).toBe('recipient-settings');
    expect(text).toMatch(new RegExp(`Likely causes: ${d.ranked[0]!.id} \\(${d.ranked[0]!.confidence}, \\d+%\\)`));
    expect(j.ranking).toEqual(d.ranked.map((c) => ({ cause: c.id, p: Math.round(c.p * 100) / 100, confidence: c.confidence })));
  });

  it('a healthy tab still gets a report, with no ranking', () => {
    const healthy = input({ state: 'no-problem', diagnosis: diagnose(ev({ page: healthyChat() })), page: report(), net: [] });
    const t = buildReport(healthy);
    expect(t).toContain('State: no-problem');
    expect(t).not.toContain('Likely causes');
    expect(reportJson(healthy).ranking).toEqual([]);
  });

  it('no diagnosis and no page: still names browser, version and checks', () => {
    const bare = buildReport(input({ state: 'not-tiktok', diagnosis: null, page: null, net: [], checks: [] }));
    expect(bare).toContain('firefox 131.0.2');
    expect(bare).toContain('State: not-tiktok');
    expect(bare).toContain('Checks: ');
  });
});
