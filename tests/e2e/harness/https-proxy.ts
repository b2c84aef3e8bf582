import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';

// A local man-in-the-middle HTTP proxy that stands in for tiktok.com in browser tests.
// The browser sends everything here (`network.proxy.*` prefs); CONNECT tunnels to *.tiktok.com are
// terminated with a self-signed certificate made at start-up (the browser runs with
// acceptInsecureCerts), requests are answered by test routes, and every other host is refused
// without any outbound connection: nothing a test does leaves the machine.

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

export const isTikTokHost = (host: string) => /(^|\.)tiktok\.com$/i.test(host.replace(/\.$/, ''));

/** A fresh self-signed certificate for tiktok.com and *.tiktok.com in a temporary directory. */
export function makeCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'dm-doctor-cert-'));
  try {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=tiktok-test',
      '-addext', 'subjectAltName=DNS:*.tiktok.com,DNS:tiktok.com', '-days', '2',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ], { stdio: 'pipe' });
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function defaultResponse(req: ProxyRequest): RouteResponse {
  if (req.host === 'www.tiktok.com' && req.path.split('?')[0] === '/robots.txt') {
    return { status: 200, headers: { 'content-type': 'text/plain', date: new Date().toUTCString() }, body: 'User-agent: *\nDisallow:\n' };
  }
  return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'not found' };
}

const WS_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export async function startHttpsProxy(): Promise<HttpsProxy> {
  const { key, cert } = makeCertificate();
  const secureContext = tls.createSecureContext({ key, cert });
  let routes: Route[] = [];
  const log: LoggedRequest[] = [];
  const sockets = new Set<Socket>();
  /** TLS socket (or plain socket) → the raw TCP socket under it, for resets */
  const rawOf = new WeakMap<Socket, Socket>();

  const decide = (req: ProxyRequest): RouteResult => {
    for (const r of [...routes].reverse()) {
      const out = r(req);
      if (out !== undefined) return out;
    }
    return undefined;
  };
  const track = (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => undefined);
  };
  const reset = (s: Socket) => {
    const raw = rawOf.get(s) ?? s;
    if (typeof raw.resetAndDestroy === 'function') raw.resetAndDestroy();
    else raw.destroy();
    s.destroy();
  };

  // The inner server: plain HTTP over the decrypted tunnels (and plain http:// proxy requests).
  const inner = http.createServer({ keepAlive: true });
  const handle = (req: http.IncomingMessage, res: http.ServerResponse | null, upgradeSocket: Socket | null) => {
    const tlsSide = req.socket instanceof tls.TLSSocket;
    const absolute = /^[a-z]+:\/\//i.test(req.url ?? '');
    const u = new URL(absolute ? req.url! : `${tlsSide ? 'https' : 'http'}://${req.headers.host ?? 'unknown'}${req.url ?? '/'}`);
    const websocket = upgradeSocket !== null;
    const scheme = websocket ? (tlsSide ? 'wss' : 'ws') : u.protocol.replace(':', '');
    const host = u.hostname.toLowerCase();
    const port = Number(u.port) || (tlsSide ? 443 : 80);
    const path = `${u.pathname}${u.search}`;
    const pr: ProxyRequest = { phase: 'request', host, port, method: req.method ?? 'GET', path, url: `${scheme}://${host}${path}`, websocket, headers: req.headers, at: Date.now() };
    const entry: LoggedRequest = { phase: 'request', scheme, host, port, method: pr.method, path, websocket, outcome: 'answered', at: pr.at };
    log.push(entry);
    const socket = upgradeSocket ?? req.socket;
    if (!isTikTokHost(host)) {
      entry.outcome = 'refused';
      if (res) res.writeHead(403, { connection: 'close' }).end();
      else socket.destroy();
      return;
    }
    const out = decide(pr);
    if (out === 'reset') {
      entry.outcome = 'reset';
      reset(socket);
      return;
    }
    if (out === 'refuse' || out === 'unknown-host') {
      entry.outcome = 'refused';
      socket.destroy();
      return;
    }
    if (out === 'hang') {
      entry.outcome = 'hang';
      return;
    }
    if (websocket && out === undefined) {
      const wsKey = String(req.headers['sec-websocket-key'] ?? '');
      const accept = createHash('sha1').update(wsKey + WS_GUID).digest('base64');
      entry.status = 101;
      socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
      // Keep the socket open and quiet; answer a close frame by closing.
      socket.on('data', (chunk: Buffer) => {
        if (chunk.length > 0 && (chunk[0]! & 0x0f) === 0x8) socket.end(Buffer.from([0x88, 0x00]));
      });
      return;
    }
    const r = out ?? defaultResponse(pr);
    entry.status = r.status;
    const body = r.body ?? '';
    const headers: Record<string, string> = { 'cache-control': 'no-store', ...r.headers, 'content-length': String(Buffer.byteLength(body)) };
    const answer = () => {
      if (socket.destroyed) return;
      if (res) {
        res.writeHead(r.status, headers);
        res.end(body);
      } else {
        const head = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('');
        socket.end(`HTTP/1.1 ${r.status} ${http.STATUS_CODES[r.status] ?? ''}\r\n${head}connection: close\r\n\r\n${body}`);
      }
    };
    if (r.delayMs) setTimeout(answer, r.delayMs);
    else answer();
  };
  inner.on('request', (req, res) => handle(req, res, null));
  inner.on('upgrade', (req, socket: Socket) => handle(req, null, socket));
  inner.on('clientError', (_err, socket) => socket.destroy());

  // The outer server: what the browser talks to.
  const outer = http.createServer();
  outer.on('connection', track);
  outer.on('request', (req, res) => inner.emit('request', req, res));
  outer.on('connect', (req: http.IncomingMessage, client: Socket, head: Buffer) => {
    const [rawHost = '', rawPort = '443'] = (req.url ?? '').split(':');
    const host = rawHost.toLowerCase();
    const port = Number(rawPort) || 443;
    const entry: LoggedRequest = { phase: 'connect', scheme: 'connect', host, port, method: 'CONNECT', path: '', websocket: false, outcome: 'tunnel', at: Date.now() };
    log.push(entry);
    client.on('error', () => undefined);
    if (!isTikTokHost(host)) {
      entry.outcome = 'refused';
      client.end('HTTP/1.1 403 Forbidden\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
      return;
    }
    const out = decide({ phase: 'connect', host, port, method: 'CONNECT', path: '', url: '', websocket: false, headers: req.headers, at: entry.at });
    if (out === 'refuse' || out === 'unknown-host') {
      entry.outcome = 'refused';
      // Firefox 153 maps a CONNECT answered 503 to NS_ERROR_CONNECTION_REFUSED and 500 to
      // NS_ERROR_UNKNOWN_HOST (502 → NS_ERROR_PROXY_BAD_GATEWAY, 403 → NS_ERROR_PROXY_FORBIDDEN,
      // 504 → NS_ERROR_PROXY_GATEWAY_TIMEOUT, closed or reset → NS_ERROR_NET_RESET).
      const status = out === 'refuse' ? '503 Service Unavailable' : '500 Internal Server Error';
      client.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
      return;
    }
    client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length) client.unshift(head);
    const secure = new tls.TLSSocket(client, { isServer: true, secureContext, ALPNProtocols: ['http/1.1'] });
    rawOf.set(secure, client);
    track(secure);
    inner.emit('connection', secure);
  });

  await new Promise<void>((resolve) => outer.listen(0, '127.0.0.1', resolve));
  const port = (outer.address() as AddressInfo).port;

  const api: HttpsProxy = {
    port,
    get requests() {
      return log;
    },
    tiktokPaths: () => log.filter((e) => e.phase === 'request' && isTikTokHost(e.host)).map((e) => `${e.host}${e.path.split('?')[0]}`),
    foreignHosts: () => [...new Set(log.filter((e) => !isTikTokHost(e.host)).map((e) => e.host))],
    route(fn) {
      routes.push(fn);
      return () => {
        routes = routes.filter((r) => r !== fn);
      };
    },
    page(url, html, opts = {}) {
      const target = new URL(url);
      const want = `${target.pathname}${target.search}`;
      return api.route((req) =>
        req.phase === 'request' && req.host === target.hostname && req.path === want
          ? { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: html, delayMs: opts.delayMs }
          : undefined,
      );
    },
    clearRoutes() {
      routes = [];
    },
    clearLog() {
      log.length = 0;
    },
    dropConnections() {
      for (const s of sockets) if (s instanceof tls.TLSSocket) s.destroy();
    },
    async close() {
      for (const s of sockets) s.destroy();
      inner.close();
      await new Promise<void>((resolve) => outer.close(() => resolve()));
    },
  };
  return api;
}
