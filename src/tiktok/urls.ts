// "Is this TikTok?", written once. Plain URL parsing: cheap in the content script, safe in workers.

const TIKTOK_HOST = /(^|\.)tiktok\.com$/i;

/** tiktok.com or any of its subdomains (not look-alikes such as eviltiktok.com). */
export function isTikTokHost(hostname: string): boolean {
  return TIKTOK_HOST.test(hostname);
}

function parse(url: string | URL | undefined): URL | null {
  try {
    return url ? new URL(String(url)) : null;
  } catch {
    return null;
  }
}

/** An http(s) page on a TikTok host: what the popup and the tab state call "on TikTok". */
export function isTikTokUrl(url: string | URL | undefined): boolean {
  return tiktokPath(url) !== null;
}

/** The same test for a redacted location (host + path, as kept in a tab's state). */
export function isTikTokWhere(where: string | null | undefined): boolean {
  return !!where && isTikTokUrl(`https://${where}`);
}

/** The one origin content-script messages are accepted from: https://www.tiktok.com, no credentials. */
export function isTikTokFrame(url: string | undefined): boolean {
  const u = parse(url);
  return !!u && u.protocol === 'https:' && u.host === 'www.tiktok.com' && !u.username && !u.password;
}

/** The URL path of an http(s) TikTok page, null for anything else. */
export function tiktokPath(url: string | URL | undefined): string | null {
  const u = parse(url);
  return u && (u.protocol === 'https:' || u.protocol === 'http:') && isTikTokHost(u.hostname) ? u.pathname : null;
}
