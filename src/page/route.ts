import { MatchPattern } from 'wxt/utils/match-patterns';

const MESSAGES = new MatchPattern('*://*.tiktok.com/messages*');

/** True on TikTok's inbox route, /messages (query and sub-paths included). */
export function isMessagesRoute(url: string | URL): boolean {
  try {
    const u = new URL(String(url));
    // A string, not the URL: the library tests `instanceof Location`, which throws in workers.
    return MESSAGES.includes(u.href) && (u.pathname === '/messages' || u.pathname.startsWith('/messages/'));
  } catch {
    return false;
  }
}

/** host + path, never the query: what may leave the page. */
export function whereOf(url: string | URL): string {
  try {
    const u = new URL(String(url));
    return `${u.host}${u.pathname}`.replace(/\/@[^/]+/g, '/@[handle]').replace(/\/\d{5,}(?=\/|$)/g, '/[id]').slice(0, 300);
  } catch {
    return '[invalid-url]';
  }
}
