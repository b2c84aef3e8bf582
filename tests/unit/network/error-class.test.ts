import { describe, it, expect } from 'vitest';
import { classifyError, NET_ERROR_CLASSES, type NetErrorClass } from '../../../src/network/error-class';
import { netCauses } from '../../../src/diagnosis/rules';

const suggestedCauses = netCauses;
import { isCauseId } from '../../../src/contracts/cause-ids';

// Every Chrome net::ERR_* name the observer classifies with the class it must get and the causes the row suggests.
const CHROME: ReadonlyArray<[string, NetErrorClass, string[]]> = [
  ['net::ERR_INTERNET_DISCONNECTED', 'offline', ['offline']],
  ['net::ERR_NAME_NOT_RESOLVED', 'dns', ['dns-failure', 'dns-blocked']],
  ['net::ERR_NAME_RESOLUTION_FAILED', 'dns', ['dns-failure', 'dns-blocked']],
  ['net::ERR_CONNECTION_RESET', 'connection-reset', ['firewall']],
  ['net::ERR_CONNECTION_TIMED_OUT', 'timeout', ['slow-connection', 'firewall', 'captive-portal']],
  ['net::ERR_TIMED_OUT', 'timeout', ['slow-connection', 'firewall', 'captive-portal']],
  ['net::ERR_CONNECTION_CLOSED', 'connection-closed', ['firewall', 'temporary-glitch']],
  ['net::ERR_EMPTY_RESPONSE', 'connection-closed', ['firewall', 'temporary-glitch']],
  ['net::ERR_CONNECTION_REFUSED', 'connection-refused', ['proxy-vpn', 'offline']],
  ['net::ERR_ADDRESS_UNREACHABLE', 'address-unreachable', ['proxy-vpn', 'offline']],
  ['net::ERR_PROXY_CONNECTION_FAILED', 'proxy', ['proxy-vpn']],
  ['net::ERR_TUNNEL_CONNECTION_FAILED', 'proxy', ['proxy-vpn']],
  ['net::ERR_MANDATORY_PROXY_CONFIGURATION_FAILED', 'proxy', ['proxy-vpn']],
  ['net::ERR_PROXY_CERTIFICATE_INVALID', 'proxy', ['proxy-vpn']],
  ['net::ERR_NETWORK_ACCESS_DENIED', 'admin-block', ['firewall']],
  ['net::ERR_BLOCKED_BY_ADMINISTRATOR', 'admin-block', ['firewall']],
  ['net::ERR_BLOCKED_BY_CLIENT', 'blocked-by-client', ['blocked-by-extension']],
  ['net::ERR_CERT_DATE_INVALID', 'cert-date', ['clock-wrong']],
  ['net::ERR_CERT_AUTHORITY_INVALID', 'tls', ['firewall', 'captive-portal', 'proxy-vpn']],
  ['net::ERR_CERT_COMMON_NAME_INVALID', 'tls', ['firewall', 'captive-portal', 'proxy-vpn']],
  ['net::ERR_SSL_PROTOCOL_ERROR', 'tls', ['firewall', 'captive-portal', 'proxy-vpn']],
  ['net::ERR_TLS13_DOWNGRADE_DETECTED', 'tls', ['firewall', 'captive-portal', 'proxy-vpn']],
  ['net::ERR_WS_PROTOCOL_ERROR', 'websocket', ['firewall', 'captive-portal', 'proxy-vpn']],
  ['net::ERR_NETWORK_CHANGED', 'network-changed', ['temporary-glitch']],
  ['net::ERR_ABORTED', 'aborted', []],
];

// Every Firefox NS_ERROR_* name the observer classifies.
const FIREFOX: ReadonlyArray<[string, NetErrorClass, string[]]> = [
  ['NS_ERROR_UNKNOWN_HOST', 'dns', ['dns-failure', 'dns-blocked']],
  ['NS_ERROR_NET_TIMEOUT', 'timeout', ['slow-connection', 'firewall', 'captive-portal']],
  ['NS_ERROR_CONNECTION_REFUSED', 'connection-refused', ['proxy-vpn', 'offline']],
  ['NS_ERROR_PROXY_CONNECTION_REFUSED', 'proxy', ['proxy-vpn']],
  ['NS_ERROR_UNKNOWN_PROXY_HOST', 'proxy', ['proxy-vpn']],
  ['NS_ERROR_NET_RESET', 'connection-reset', ['firewall']],
  ['NS_ERROR_NET_INTERRUPT', 'connection-closed', ['firewall', 'temporary-glitch']],
  ['NS_ERROR_NET_INADEQUATE_SECURITY', 'tls', ['firewall', 'captive-portal', 'proxy-vpn']],
  ['NS_ERROR_OFFLINE', 'offline', ['offline']],
  ['NS_ERROR_NET_ON_RESOLVED', 'offline', ['offline']],
  ['NS_ERROR_ABORT', 'blocked-by-client', ['blocked-by-extension']],
  ['NS_ERROR_TRACKING_URI', 'blocked-by-client', ['blocked-by-extension']],
  ['NS_ERROR_FINGERPRINTING_URI', 'blocked-by-client', ['blocked-by-extension']],
  ['NS_BINDING_ABORTED', 'aborted', []],
];

describe('classifyError: reference tables', () => {
  it.each(CHROME)('Chrome %s → %s', (name, cls, causes) => {
    expect(classifyError(name)).toBe(cls);
    expect(classifyError(name.replace('net::', ''))).toBe(cls); // with or without the prefix
    expect(suggestedCauses(cls)).toEqual(expect.arrayContaining(causes));
  });

  it.each(FIREFOX)('Firefox %s → %s', (name, cls, causes) => {
    expect(classifyError(name)).toBe(cls);
    expect(suggestedCauses(cls)).toEqual(expect.arrayContaining(causes));
  });

  it('every Firefox row suggests the causes the reference gives it', () => {
    // NS_ERROR_CONNECTION_REFUSED is what Firefox reports for a dead proxy; its class must include that cause.
    expect(suggestedCauses(classifyError('NS_ERROR_CONNECTION_REFUSED'))).toContain('proxy-vpn');
    expect(suggestedCauses(classifyError('NS_ERROR_NET_INADEQUATE_SECURITY'))).toContain('firewall');
  });
});

describe('classifyError: families and Firefox TLS messages', () => {
  it.each([
    ['net::ERR_CERT_REVOKED', 'tls'],
    ['net::ERR_SSL_VERSION_OR_CIPHER_MISMATCH', 'tls'],
    ['net::ERR_PROXY_AUTH_UNSUPPORTED', 'proxy'],
    ['net::ERR_SOCKS_CONNECTION_FAILED', 'proxy'],
    ['net::ERR_DNS_TIMED_OUT', 'dns'],
    ['net::ERR_WS_UPGRADE', 'websocket'],
    ['NS_ERROR_PROXY_BAD_GATEWAY', 'proxy'],
    ['SEC_ERROR_UNKNOWN_ISSUER', 'tls'],
    ['SSL_ERROR_BAD_CERT_DOMAIN', 'tls'],
    ['SEC_ERROR_EXPIRED_CERTIFICATE', 'cert-date'],
    ['MOZILLA_PKIX_ERROR_NOT_YET_VALID_CERTIFICATE', 'cert-date'],
    ['An error occurred. Error code: SEC_ERROR_UNKNOWN_ISSUER', 'tls'],
    // What Firefox's webRequest actually reports: the NSS message (mozilla test_ext_webrequest_errors).
    ['Unable to communicate securely with peer: requested domain name does not match the server’s certificate.', 'tls'],
    ['Peer’s Certificate issuer is not recognized.', 'tls'],
    ['Peer’s Certificate has expired.', 'cert-date'],
    ['The certificate issuer’s certificate has expired. Check your system date and time.', 'cert-date'],
    ['The server presented a certificate that is not yet valid.', 'cert-date'],
    ['  net::ERR_CONNECTION_RESET  ', 'connection-reset'],
    ['net::err_connection_reset', 'connection-reset'],
  ] as const)('%s → %s', (name, cls) => {
    expect(classifyError(name)).toBe(cls);
  });

  it('unknown, empty and non-string input is "other", never a throw', () => {
    expect(classifyError('net::ERR_SOMETHING_NEW')).toBe('other');
    expect(classifyError('NS_ERROR_FAILURE')).toBe('other');
    expect(classifyError('net::ERR_FAILED')).toBe('other');
    expect(classifyError('')).toBe('other');
    expect(classifyError('Le certificat du pair a expiré.')).toBe('other'); // localised NSS text
    expect(classifyError(undefined as unknown as string)).toBe('other');
    expect(classifyError(42 as unknown as string)).toBe('other');
    expect(suggestedCauses('aborted')).toEqual([]); // an abort is the page's own doing, never a cause
  });

  it('every class has a cause list made of catalogue ids', () => {
    for (const cls of NET_ERROR_CLASSES) {
      for (const cause of suggestedCauses(cls)) expect(isCauseId(cause)).toBe(true);
    }
  });
});
