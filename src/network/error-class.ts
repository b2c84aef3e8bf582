// Normalises webRequest `details.error` into a few classes. The raw names are internal to each
// browser and "not guaranteed to remain backwards compatible", so everything
// downstream reads the class, never the name; unknown names fall back to 'other'.

import { NET_ERROR_CLASSES, type NetErrorClass } from '../contracts/net-classes';

export { NET_ERROR_CLASSES, type NetErrorClass };

// Exact names, Chrome (net_error_list.h, without the `net::` prefix) then Firefox (NS_ERROR_* names).
// Entries marked "extra" are not in the reference tables but are unambiguous siblings.
const BY_NAME: Readonly<Record<string, NetErrorClass>> = {
  ERR_INTERNET_DISCONNECTED: 'offline',
  ERR_NAME_NOT_RESOLVED: 'dns',
  ERR_NAME_RESOLUTION_FAILED: 'dns',
  ERR_ICANN_NAME_COLLISION: 'dns', // extra: the name resolved to 127.0.53.53
  ERR_CONNECTION_RESET: 'connection-reset',
  ERR_CONNECTION_TIMED_OUT: 'timeout',
  ERR_TIMED_OUT: 'timeout',
  ERR_CONNECTION_CLOSED: 'connection-closed',
  ERR_EMPTY_RESPONSE: 'connection-closed',
  ERR_CONNECTION_REFUSED: 'connection-refused',
  ERR_ADDRESS_UNREACHABLE: 'address-unreachable',
  ERR_ADDRESS_INVALID: 'address-unreachable', // extra: e.g. a 0.0.0.0 sinkhole answer
  ERR_PROXY_CONNECTION_FAILED: 'proxy',
  ERR_TUNNEL_CONNECTION_FAILED: 'proxy',
  ERR_MANDATORY_PROXY_CONFIGURATION_FAILED: 'proxy',
  ERR_PROXY_CERTIFICATE_INVALID: 'proxy', // before the ERR_CERT_/TLS patterns: the proxy's own cert
  ERR_NETWORK_ACCESS_DENIED: 'admin-block',
  ERR_BLOCKED_BY_ADMINISTRATOR: 'admin-block',
  ERR_BLOCKED_BY_CLIENT: 'blocked-by-client',
  ERR_CERT_DATE_INVALID: 'cert-date',
  ERR_SSL_PROTOCOL_ERROR: 'tls',
  ERR_TLS13_DOWNGRADE_DETECTED: 'tls',
  ERR_WS_PROTOCOL_ERROR: 'websocket',
  ERR_NETWORK_CHANGED: 'network-changed',
  ERR_ABORTED: 'aborted',

  NS_ERROR_UNKNOWN_HOST: 'dns',
  NS_ERROR_NET_TIMEOUT: 'timeout',
  NS_ERROR_NET_TIMEOUT_EXTERNAL: 'timeout', // extra
  NS_ERROR_CONNECTION_REFUSED: 'connection-refused', // its causes include proxy-vpn
  NS_ERROR_PROXY_CONNECTION_REFUSED: 'proxy',
  NS_ERROR_UNKNOWN_PROXY_HOST: 'proxy',
  NS_ERROR_NET_RESET: 'connection-reset',
  NS_ERROR_NET_INTERRUPT: 'connection-closed',
  NS_ERROR_NET_PARTIAL_TRANSFER: 'connection-closed', // extra
  NS_ERROR_NET_INADEQUATE_SECURITY: 'tls', // HTTP/2 refused the TLS parameters: interception
  NS_ERROR_OFFLINE: 'offline',
  NS_ERROR_NET_ON_RESOLVED: 'offline', // Firefox's name for "no network"
  NS_ERROR_ABORT: 'blocked-by-client', // usually another extension cancelled it
  NS_ERROR_TRACKING_URI: 'blocked-by-client',
  NS_ERROR_FINGERPRINTING_URI: 'blocked-by-client',
  NS_ERROR_CRYPTOMINING_URI: 'blocked-by-client', // extra: other tracking-protection lists
  NS_ERROR_SOCIALTRACKING_URI: 'blocked-by-client', // extra
  NS_ERROR_EMAILTRACKING_URI: 'blocked-by-client', // extra
  NS_BINDING_ABORTED: 'aborted',
};

// Families, checked in order after the exact names. Firefox reports TLS failures as an NSS
// message rather than a name (ChannelWrapper::GetErrorString, e.g. "Peer’s Certificate has
// expired."), localised: English is matched here, other languages fall back to 'other'.
const BY_PATTERN: ReadonlyArray<readonly [RegExp, NetErrorClass]> = [
  [/EXPIRED_(ISSUER_)?CERTIFICATE|NOT_YET_VALID/, 'cert-date'],
  [/^ERR_(CERT|SSL|TLS)_|^ERR_BAD_SSL|SEC_ERROR_|SSL_ERROR_|MOZILLA_PKIX_ERROR_/, 'tls'],
  [/^(ERR|NS_ERROR)_PROXY_|^ERR_SOCKS_/, 'proxy'],
  [/^ERR_DNS_/, 'dns'],
  [/^ERR_WS_/, 'websocket'],
  [/certificate has expired|certificate.* expired|not yet valid|check your system date/i, 'cert-date'],
  [/communicate securely|certificate|security library|\bSSL\b|\bTLS\b/i, 'tls'],
];

export function classifyError(error: string): NetErrorClass {
  if (typeof error !== 'string') return 'other';
  const raw = error.trim();
  const name = raw.replace(/^net::/i, '').toUpperCase();
  const exact = BY_NAME[name];
  if (exact) return exact;
  for (const [pattern, cls] of BY_PATTERN) {
    if (pattern.test(pattern.flags.includes('i') ? raw : name)) return cls;
  }
  return 'other';
}
