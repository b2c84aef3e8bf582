import type http from 'node:http';

// The test proxy's contract (https-proxy.ts): what a route sees, what it may answer, what is logged.

export interface ProxyRequest {
  /** 'connect': the CONNECT that opens a tunnel (path ''); 'request': an HTTP request or WebSocket upgrade */
  phase: 'connect' | 'request';
  host: string;
  port: number;
  method: string;
  /** path + query, '' for CONNECT */
  path: string;
  /** `https://host/path` (or http:// / wss://), '' for CONNECT */
  url: string;
  websocket: boolean;
  headers: http.IncomingHttpHeaders;
  at: number;
}

export interface RouteResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** wait this long before answering (server latency) */
  delayMs?: number;
}

/**
 * What a route does with a request:
 * - a response object: answer it (e.g. `{ status: 503 }`);
 * - 'reset': a TCP reset of the tunnel once the request arrived — Firefox reports NS_ERROR_NET_RESET;
 * - 'refuse': the CONNECT is answered 503 — Firefox reports NS_ERROR_CONNECTION_REFUSED for the
 *   origin (a 502 would give NS_ERROR_PROXY_BAD_GATEWAY, a closed/reset CONNECT NS_ERROR_NET_RESET);
 * - 'unknown-host': the CONNECT is answered 500 — Firefox reports NS_ERROR_UNKNOWN_HOST (a DNS failure);
 * - 'hang': never answer (the socket stays open until the browser gives up or the proxy closes);
 * - undefined: the next (older) route, then the default: www.tiktok.com/robots.txt → 200 with a Date
 *   header, a WebSocket upgrade → 101, anything else → 404.
 * Routes are consulted at CONNECT (phase 'connect', path ''; only 'refuse' and 'unknown-host' act
 * there, anything else opens the tunnel) and for each request (phase 'request'), so
 * `(req) => req.host === 'im-api.tiktok.com' ? 'refuse' : undefined` works at both. Returned for a
 * request inside a tunnel opened earlier, 'refuse' / 'unknown-host' close that tunnel quietly so the
 * browser retries with a new CONNECT.
 */
export type RouteResult = RouteResponse | 'reset' | 'refuse' | 'unknown-host' | 'hang' | undefined;
export type Route = (req: ProxyRequest) => RouteResult;

export interface LoggedRequest {
  phase: 'connect' | 'request';
  /** 'https' | 'http' | 'wss' | 'ws' for requests, 'connect' for CONNECTs */
  scheme: string;
  host: string;
  port: number;
  method: string;
  path: string;
  websocket: boolean;
  /** what the proxy did: answered, opened a tunnel, refused (a non-TikTok host or a route), reset, hung */
  outcome: 'answered' | 'tunnel' | 'refused' | 'reset' | 'hang';
  status?: number;
  at: number;
}

export interface HttpsProxy {
  port: number;
  /** every CONNECT and request, in order, TikTok or not */
  readonly requests: readonly LoggedRequest[];
  /** requests (not CONNECTs) to TikTok hosts, as `host/path` without query, e.g. `www.tiktok.com/robots.txt` */
  tiktokPaths(): string[];
  /** hosts other than *.tiktok.com that anything tried to reach (all were refused) */
  foreignHosts(): string[];
  /** adds a route (consulted newest first); returns a function that removes it */
  route(fn: Route): () => void;
  /** serves fixed HTML for a URL's path + query on its (TikTok) host, optionally after a delay */
  page(url: string, html: string, opts?: { delayMs?: number }): () => void;
  clearRoutes(): void;
  clearLog(): void;
  /** closes every open tunnel, so the next request makes a new CONNECT (and meets 'refuse' routes) */
  dropConnections(): void;
  close(): Promise<void>;
}
