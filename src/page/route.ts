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

/** host + path, never the query: what may leave the page. */
export function whereOf(url: string | URL): string {
  try {
    const u = new URL(String(url));
    const path = u.pathname
      .split('/')
      .map((seg) => {
        let plain = seg;
        try {
          plain = decodeURIComponent(seg);
        } catch {
          /* keep it encoded */
        }
        if (plain.startsWith('@')) return '@[handle]';
        return /\d{5,}/.test(plain) ? '[id]' : seg;
      })
      .join('/');
    return `${u.host}${path}`.slice(0, 300);
  } catch {
    return '[invalid-url]';
  }
}
