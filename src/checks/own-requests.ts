// The background's own probe requests (webRequest tabId -1). fetch() and WebSocket hide why a
// request failed; webRequest tells (net::ERR_NAME_NOT_RESOLVED, NS_ERROR_NET_RESET…) and gives the
// HTTP status of a refused websocket handshake. The network observer records them here.
const KEEP_MS = 15_000;
const errors = new Map<string, { error: string; at: number }>();
let wsStatus: { code: number; at: number } | null = null;

const keyOf = (url: string) => url.replace(/[?#].*$/, '');

export function recordOwnError(url: string, error: string): void {
  errors.set(keyOf(url), { error, at: Date.now() });
  if (errors.size > 20) errors.delete(errors.keys().next().value!);
}

export function recordWebSocketStatus(code: number): void {
  wsStatus = { code, at: Date.now() };
}

/** The browser's error name for our last request to this URL (query ignored), if recent. */
export function ownErrorFor(url: string): string | null {
  const e = errors.get(keyOf(url));
  return e && Date.now() - e.at < KEEP_MS ? e.error : null;
}

/** The handshake status seen in the last 15 s, if any. */
export function lastWebSocketStatus(): number | null {
  return wsStatus && Date.now() - wsStatus.at < KEEP_MS ? wsStatus.code : null;
}
