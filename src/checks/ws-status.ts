// The WebSocket API hides the HTTP status of a refused handshake; webRequest sees it. The network
// observer records the status of the background's own im-ws handshake here.
let status: { code: number; at: number } | null = null;

export function recordWebSocketStatus(code: number): void {
  status = { code, at: Date.now() };
}

/** The handshake status seen in the last 10 s, if any. */
export function lastWebSocketStatus(): number | null {
  return status && Date.now() - status.at < 10_000 ? status.code : null;
}
