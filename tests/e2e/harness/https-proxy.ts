import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import type { HttpsProxy, LoggedRequest, ProxyRequest, Route, RouteResponse, RouteResult } from './proxy-types';

export type { HttpsProxy, LoggedRequest, ProxyRequest, Route, RouteResponse, RouteResult } from './proxy-types';

// A local man-in-the-middle HTTP proxy that stands in for tiktok.com in browser tests.
// The browser sends everything here (`network.proxy.*` prefs); CONNECT tunnels to *.tiktok.com are
// terminated with a self-signed certificate made at start-up (the browser runs with
// acceptInsecureCerts), requests are answered by test routes, and every other host is refused
// without any outbound connection: nothing a test does leaves the machine.

export const isTikTokHost = (host: string) => /(^|\.)tiktok\.com$/i.test(host.replace(/\.$/, ''));

/** A fresh self-signed certificate for tiktok.com and *.tiktok.com in a temporary directory. */
export function makeCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'dm-doctor-cert-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-subj',
        '/CN=tiktok-test',
        '-addext',
        'subjectAltName=DNS:*.tiktok.com,DNS:tiktok.com',
        '-days',
        '2',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'pipe' },
    );
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
    const pr: ProxyRequest = {
      phase: 'request',
      host,
      port,
      method: req.method ?? 'GET',
      path,
      url: `${scheme}://${host}${path}`,
      websocket,
      headers: req.headers,
      at: Date.now(),
    };
    const entry: LoggedRequest = {
      phase: 'request',
      scheme,
      host,
      port,
      method: pr.method,
      path,
      websocket,
      outcome: 'answered',
      at: pr.at,
    };
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
      const accept = createHash('sha1')
        .update(wsKey + WS_GUID)
        .digest('base64');
      entry.status = 101;
      socket.write(
        `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
      );
      // Keep the socket open and quiet; answer a close frame by closing.
      socket.on('data', (chunk: Buffer) => {
        if (chunk.length > 0 && (chunk[0]! & 0x0f) === 0x8) socket.end(Buffer.from([0x88, 0x00]));
      });
      return;
    }
    const r = out ?? defaultResponse(pr);
    entry.status = r.status;
    const body = r.body ?? '';
    const headers: Record<string, string> = {
      'cache-control': 'no-store',
      ...r.headers,
      'content-length': String(Buffer.byteLength(body)),
    };
    const answer = () => {
      if (socket.destroyed) return;
      if (res) {
        res.writeHead(r.status, headers);
        res.end(body);
      } else {
        const head = Object.entries(headers)
          .map(([k, v]) => `${k}: ${v}\r\n`)
          .join('');
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
    const entry: LoggedRequest = {
      phase: 'connect',
      scheme: 'connect',
      host,
      port,
      method: 'CONNECT',
      path: '',
      websocket: false,
      outcome: 'tunnel',
      at: Date.now(),
    };
    log.push(entry);
    client.on('error', () => undefined);
    if (!isTikTokHost(host)) {
      entry.outcome = 'refused';
      client.end('HTTP/1.1 403 Forbidden\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
      return;
    }
    const out = decide({
      phase: 'connect',
      host,
      port,
      method: 'CONNECT',
      path: '',
      url: '',
      websocket: false,
      headers: req.headers,
      at: entry.at,
    });
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
