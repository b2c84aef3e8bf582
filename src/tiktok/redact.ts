// The one redactor (DESIGN.md, non-negotiables: privacy): every URL and every text the extension
// stores or reports goes through here. URLs keep host + path only; text keeps TikTok's own words
// with whatever could name or identify a person replaced. Both are idempotent (redacting twice
// changes nothing) and never throw.

const KEPT_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:']);
export const MAX_URL = 200;
export const MAX_TEXT = 200;

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const HEX_TOKEN = /^[0-9a-f]{16,}$/i;
// Segments whose next segment is a person's free text or a code that leads to one person's content.
const TERM_PARENTS = new Set(['discover', 'tag', 'music', 'place', 'search']);
const CODE_PARENTS = new Set(['t']);
// /search/<tab>: the result tabs TikTok has; anything else after /search is a term.
const SEARCH_TABS = new Set(['user', 'video', 'live', 'photo', 'top']);
// Short-link hosts: every path segment is a code (vm.tiktok.com/ZM…/).
const SHORT_LINK_HOST = /^(vm|vt)\.tiktok\.com$/i;
// An already reduced `host/path` (what evidence keeps), redacted again before it is reported.
const BARE_HOST_PATH = /^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?(\/|$)/i;

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // a malformed escape is still checked as is
  }
}

function redactSegment(segment: string, parent: string | null, shortLinkHost: boolean): string {
  const plain = decoded(segment);
  if (plain.includes('@')) return '@[handle]';
  if (shortLinkHost) return '[code]';
  if (parent !== null && CODE_PARENTS.has(parent)) return '[code]';
  if (parent === 'search' && SEARCH_TABS.has(plain.toLowerCase())) return segment;
  if (parent !== null && TERM_PARENTS.has(parent)) return '[term]';
  if (/\d{5,}/.test(plain)) return '[id]'; // numeric ids, also inside "video-7234567890"
  if (UUID.test(plain) || HEX_TOKEN.test(plain)) return '[id]';
  // Long opaque tokens (base64-ish, mixing letters and digits) may be session material.
  if (plain.length >= 24 && /[a-z]/i.test(plain) && /\d/.test(plain) && !/[./]/.test(plain)) return '[id]';
  return segment;
}

/**
 * `host/path` (no scheme, no user-info, no query, no fragment) with `@handle` segments → `@[handle]`,
 * ids (5+ digits, UUIDs, hex tokens, long opaque tokens) → `[id]`, short-link codes → `[code]` and
 * search / discover / tag terms → `[term]`. Accepts a full URL or an already reduced `host/path`.
 * Non-network URLs and unparseable input give '[invalid-url]'. At most 200 characters.
 */
export function redactUrl(url: string | URL): string {
  try {
    const raw = String(url);
    const parsed = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : BARE_HOST_PATH.test(raw) ? `https://${raw}` : raw);
    if (!KEPT_SCHEMES.has(parsed.protocol) || !parsed.host) return '[invalid-url]';
    const shortLink = SHORT_LINK_HOST.test(parsed.hostname);
    let parent: string | null = null;
    const path = parsed.pathname
      .split('/')
      .map((s) => {
        if (!s) return s;
        const out = redactSegment(s, parent, shortLink);
        parent = decoded(s).toLowerCase();
        return out;
      })
      .join('/');
    return `${parsed.host.toLowerCase()}${path}`.slice(0, MAX_URL);
  } catch {
    return '[invalid-url]';
  }
}

const URL_IN_TEXT = /\b(?:https?|wss?):\/\/[^\s"'<>]+/gi;
const BARE_TIKTOK_URL = /\b(?:[a-z0-9-]+\.)*tiktok\.com\/[^\s"'<>]*/gi;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const HANDLE = /@[\p{L}\p{N}_.-]+/gu;
// A digit run of 5+, also when split by spaces, dots, dashes or brackets (phone numbers, ids).
const NUMBERISH = /\+?\d(?:[\d\s().-]*\d)?/g;

/**
 * TikTok's own text as it may be kept (a notice, a toast): URLs reduced as above, e-mail addresses,
 * `@handles` and digit runs of 5+ redacted, at most 200 characters.
 */
export function redactText(text: string, max = MAX_TEXT): string {
  if (typeof text !== 'string') return '';
  return text
    .replace(URL_IN_TEXT, (u) => redactUrl(u))
    .replace(BARE_TIKTOK_URL, (u) => redactUrl(u))
    .replace(EMAIL, '[email]')
    .replace(HANDLE, '@[handle]')
    .replace(NUMBERISH, (run) => ((run.match(/\d/g)?.length ?? 0) >= 5 ? '[id]' : run))
    .slice(0, max);
}
