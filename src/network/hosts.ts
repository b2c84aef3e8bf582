import { isTikTokHost } from '../tiktok/urls';

// Which TikTok host a request went to (the redacted form of its URL comes from src/tiktok/redact.ts).
// Host list: TikTok's web hosts as seen in the browser's network panel.

export type HostRole = 'im-api' | 'im-ws' | 'www' | 'www-api' | 'other-tiktok' | 'ignored';

// Regional IM hosts (im-api-sg, im-api.us, im-api-va; L) share one shape; im-ws is assumed to
// follow the same regional naming (inference).
const IM_API = /^im-api(-[a-z0-9]+)?(\.[a-z]{2})?\.tiktok\.com$/;
const IM_WS = /^im-ws(-[a-z0-9]+)?(\.[a-z]{2})?\.tiktok\.com$/;
// www paths that are API calls rather than pages (/api/…, /passport/…, /aweme/…).
const WWW_API_PATH = /^\/(api|passport|aweme)(\/|$)/;
// Domains that are TikTok's but never carry web DMs: telemetry, security SDK, app APIs, static
// CDNs. Everything under them is ignored.
const NON_DM_DOMAINS = [
  'tiktokv.com',
  'tiktokv.us',
  'tiktokv.eu',
  'tiktokw.us',
  'tiktokw.eu',
  'tiktokcdn.com',
  'tiktokcdn-us.com',
  'tiktokcdn-eu.com',
  'ttwstatic.com',
  'ibytedtos.com',
  'ibyteimg.com',
];
// First labels on tiktok.com itself that are telemetry, LIVE, security or CDN hosts.
const IGNORED_TIKTOK_LABEL = /^(mcs|mon|mssdk|verification|webcast|frontier)([0-9-]|$)|^(v|p|lf|sf)\d+-/;

function endsWithDomain(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

/** The role of a request's host, 'ignored' for TikTok hosts unrelated to DMs, null for non-TikTok. */
export function hostRole(url: string): HostRole | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const host = parsed.hostname.toLowerCase().replace(/\.$/, '');
  if (NON_DM_DOMAINS.some((d) => endsWithDomain(host, d))) return 'ignored';
  if (!isTikTokHost(host)) return null;
  if (IM_API.test(host)) return 'im-api';
  if (IM_WS.test(host)) return 'im-ws';
  if (host === 'www.tiktok.com' || host === 'tiktok.com') {
    return WWW_API_PATH.test(parsed.pathname) ? 'www-api' : 'www';
  }
  const firstLabel = host.split('.')[0] ?? '';
  return IGNORED_TIKTOK_LABEL.test(firstLabel) ? 'ignored' : 'other-tiktok';
}
