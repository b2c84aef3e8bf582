import type { CheckFact, Evidence, Fact } from './evidence';
import { confirmedApart } from '../network/confirm';
import { httpClassOf } from '../network/http-class';
import { DM_HOST, SERVER_TIERS } from './server-rules';

// 5xx answers from TikTok's DM hosts, the page's own requests and the checks' together, as one fact
// whose tier (SERVER_TIERS) says how much they agree. Weighed in src/diagnosis/rules.ts.

/**
 * The DM host whose server answered this check with a 5xx, else null. Such a check passes — the
 * host is reachable, so the network is not to blame — but its server is failing.
 */
export function serverErrorHost(c: CheckFact): string | null {
  const host = DM_HOST[c.id];
  const status = c.reason.params?.status;
  // only an answered check (pass, warn) holds a status worth reading
  return host && (c.status === 'pass' || c.status === 'warn') && typeof status === 'number' && httpClassOf(status) === 'server-error'
    ? host
    : null;
}

/**
 * 5xx answers from TikTok's DM hosts (DM_HOST): the page's own requests and the connectivity
 * checks' (a check that got a 5xx passes, the host being reachable, but counts here). The tier
 * (SERVER_TIERS) follows how many attempts and distinct hosts agree. 5xx from other TikTok hosts
 * (other-tiktok) are left to the report's network list: they say nothing about DMs.
 */
export function serverFacts(e: Evidence, failedSend: boolean): Fact[] {
  const page = e.net.filter((x) => x.httpClass === 'server-error' && DM_HOST[x.role]);
  const checked = new Set(e.checks.map(serverErrorHost).filter(Boolean));
  const hosts = new Set([...page.map((x) => DM_HOST[x.role]), ...checked]);
  if (!hosts.size) return [];
  const n = page.length + checked.size;
  // Two independent signals: ≥ 5 s apart, a page request and a later check, two checks, or the
  // failed bubble of the send the IM host answered with a 5xx.
  const spread =
    confirmedApart(page.map((x) => x.t)) || checked.size > (page.length ? 0 : 1) || (failedSend && page.some((x) => x.role === 'im-api'));
  const tier = SERVER_TIERS.find(
    (t) =>
      page.length >= (t.page ?? 0) &&
      n >= (t.attempts ?? 0) &&
      hosts.size >= (t.hosts ?? 0) &&
      checked.size >= (t.checked ?? 0) &&
      (spread || !t.spread),
  )!.tier;
  return [
    {
      id: `http:server-error:${tier}`,
      cls: 'http-server-error',
      key: 'ev_http_server_error',
      params: { n, status: page[page.length - 1]?.status ?? 0 },
      // the checks' answers corroborate the page's; alone they make no problem
      trigger: failedSend || (page.length > 0 && tier !== 'once'),
    },
  ];
}
