import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';

// A local TLS server standing in for TikTok hosts that Playwright's routing cannot serve
// (websockets: Playwright does not route them) or whose requests a test must see as the server does (headers:
// the im-websocket probe must arrive without a Cookie). Chromium reaches it through
// --host-resolver-rules.

export function makeCert(names: string[]): { key: Buffer; cert: Buffer; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'dmd-cert-'));
  const san = names.map((n) => `DNS:${n}`).join(',');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-subj',
      '/CN=dm-doctor-test',
      '-addext',
      `subjectAltName=${san}`,
      '-days',
      '2',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')), dir };
}

export interface WssServer {
  port: number;
  /** how to answer the next handshakes: accept (101) or refuse with an HTTP status */
  mode: 'accept' | number | 'reset';
  handshakes: string[];
  /** every request that reached the server (plain HTTPS or websocket upgrade), with its headers */
  requests: { host: string; path: string; websocket: boolean; headers: IncomingHttpHeaders }[];
  /** plain HTTPS requests (for hosts mapped here), e.g. a redirect routing cannot express */
  onHttp: (req: IncomingMessage, res: ServerResponse) => void;
  close(): Promise<void>;
}

export async function startWssServer(): Promise<WssServer> {
  const { key, cert } = makeCert(['*.tiktok.com', 'tiktok.com']);
  const state: WssServer = {
    port: 0,
    mode: 'accept',
    handshakes: [],
    requests: [],
    onHttp: (_req, res) => res.writeHead(400).end(),
    close: async () => undefined,
  };
  const log = (req: IncomingMessage, websocket: boolean) =>
    state.requests.push({ host: String(req.headers.host ?? ''), path: req.url?.split('?')[0] ?? '', websocket, headers: req.headers });
  const server: Server = createServer({ key, cert }, (req, res) => {
    log(req, false);
    // 'reset' stands for a host that cannot be reached: the connection dies without an answer
    if (state.mode === 'reset') return void req.socket.destroy();
    state.onHttp(req, res);
  });
  server.on('upgrade', (req, socket) => {
    log(req, true);
    state.handshakes.push(`${req.headers.host}${req.url?.split('?')[0]}`);
    if (state.mode === 'reset') return socket.destroy();
    if (typeof state.mode === 'number') {
      socket.end(`HTTP/1.1 ${state.mode} Refused\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
      return;
    }
    const accept = createHash('sha1').update(`${req.headers['sec-websocket-key']}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
    socket.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    socket.on('error', () => undefined);
    setTimeout(() => socket.destroy(), 10_000);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  state.port = (server.address() as AddressInfo).port;
  const sockets = new Set<{ destroy(): void }>();
  server.on('connection', (sock) => {
    sockets.add(sock);
    sock.on('close', () => sockets.delete(sock));
  });
  server.on('upgrade', (_req, sock) => sockets.add(sock));
  // close() waits for open connections (keep-alive, upgraded sockets): end them first
  state.close = () =>
    new Promise((r) => {
      server.close(() => r());
      server.closeAllConnections();
      for (const sock of sockets) sock.destroy();
    });
  return state;
}
