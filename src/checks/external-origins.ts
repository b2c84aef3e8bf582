// Hosts the optional, consented external checks contact (DESIGN.md: anything other than TikTok
// needs the person's consent). The manifest's optional host permissions come from this list, and
// the background asks `permissions.contains` for the matching origin before each of these probes.
export const DOH_ORIGIN = 'https://cloudflare-dns.com/*';
export const PORTAL_ORIGIN = 'http://connectivitycheck.gstatic.com/*';
export const EXTERNAL_CHECK_ORIGINS = [DOH_ORIGIN, PORTAL_ORIGIN];

/** Whether `url` falls under an origin pattern of the form `scheme://host/*`. */
export function originCovers(pattern: string, url: string): boolean {
  const m = /^([a-z]+):\/\/([^/]+)\/\*$/.exec(pattern);
  if (!m) return false;
  const u = new URL(url);
  return u.protocol === `${m[1]}:` && u.host === m[2];
}
