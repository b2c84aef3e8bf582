// Hosts the optional, consented external checks contact (DESIGN.md: anything other than TikTok
// needs the person's consent). The manifest's optional host permissions come from this list.
export const DOH_RESOLVERS = ['https://cloudflare-dns.com/dns-query', 'https://dns.google/resolve'] as const;
export const PORTAL_PROBE = 'http://connectivitycheck.gstatic.com/generate_204';
export const EXTERNAL_CHECK_ORIGINS = ['https://cloudflare-dns.com/*', 'https://dns.google/*', 'http://connectivitycheck.gstatic.com/*'];
