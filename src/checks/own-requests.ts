// The background's own probe requests (webRequest tabId -1). fetch() hides why a request failed
// and where a redirect pointed (`redirect: 'manual'` gives an opaque redirect); webRequest tells
// (net::ERR_NAME_NOT_RESOLVED, NS_ERROR_NET_RESET…, onBeforeRedirect's redirectUrl). The network
// observer records them here.
const KEEP_MS = 15_000;
const errors = new Map<string, { error: string; at: number }>();
const redirects = new Map<string, { to: string; at: number }>();

const keyOf = (url: string) => url.replace(/[?#].*$/, '');

function remember<T>(map: Map<string, T & { at: number }>, url: string, value: T): void {
  map.delete(keyOf(url));
  map.set(keyOf(url), { ...value, at: Date.now() });
  if (map.size > 20) map.delete(map.keys().next().value!);
}

export function recordOwnError(url: string, error: string): void {
  remember(errors, url, { error });
}

export function recordOwnRedirect(url: string, to: string): void {
  remember(redirects, url, { to });
}

/** The browser's error name for our last request to this URL (query ignored), if recent. */
export function ownErrorFor(url: string): string | null {
  const e = errors.get(keyOf(url));
  return e && Date.now() - e.at < KEEP_MS ? e.error : null;
}

/** Where our last request to this URL (query ignored) was redirected, if recent. */
export function ownRedirectFor(url: string): string | null {
  const r = redirects.get(keyOf(url));
  return r && Date.now() - r.at < KEEP_MS ? r.to : null;
}

/** Forgets what was seen for this URL, so a new probe does not read an older answer. */
export function forgetOwn(url: string): void {
  errors.delete(keyOf(url));
  redirects.delete(keyOf(url));
}
