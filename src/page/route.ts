// The inbox route, /messages on any tiktok.com host (query and sub-paths included). Plain URL
// parsing: cheap in the content script, and safe in workers (no `Location` needed).
const TIKTOK_HOST = /(^|\.)tiktok\.com$/i;

export function isMessagesRoute(url: string | URL): boolean {
  try {
    const u = new URL(String(url));
    return (u.protocol === 'https:' || u.protocol === 'http:') && TIKTOK_HOST.test(u.hostname) && (u.pathname === '/messages' || u.pathname.startsWith('/messages/'));
  } catch {
    return false;
  }
}

/** host + path, never the query: what may leave the page (the one redactor, src/tiktok/redact.ts). */
export { redactUrl as whereOf } from '../tiktok/redact';
