import { makeResult, skipped, type CheckResult } from './result';

// The DNS check, after Chrome's DNS probe: "system resolver" becomes the
// browser's own resolution as seen in webRequest (Chrome has no DNS API), "public resolver"
// becomes a DNS-over-HTTPS answer, fetched only with the person's consent.

export type DohAnswer = { status: 'ok'; addresses: string[] } | { status: 'nxdomain' } | { status: 'error' } | { status: 'unreachable' };

/** 'ok': requests got HTTP answers; 'fails': dns-class errors lately; 'unknown': no evidence. */
export type BrowserResolution = 'ok' | 'fails' | 'unknown';

export interface DnsInput {
  /** How the browser resolved TikTok hosts lately. */
  tiktok: BrowserResolution;
  /** How it resolved other hosts (e.g. the consented probes), if known. */
  other: BrowserResolution;
  /** A TikTok request was answered from 0.0.0.0 / loopback (NetEvent.sinkhole). */
  browserSinkhole?: boolean;
  /** null when the person has not allowed external checks. */
  doh: DohAnswer | null;
  /**
   * The resolver was contacted by IP (https://1.1.1.1/…), bypassing local DNS as Chrome's probe
   * does with 8.8.8.8. By name (cloudflare-dns.com) its reachability depends on local DNS too.
   */
  dohByAddress?: boolean;
}

/** Addresses blockers answer with (hosts files, Pi-hole, NextDNS): 0.0.0.0/8, 127/8, ::, ::1. */
export function isSinkholeAddress(address: string): boolean {
  const a = address
    .trim()
    .toLowerCase()
    .replace(/^::ffff:/, '');
  return /^0\.\d+\.\d+\.\d+$/.test(a) || /^127\.\d+\.\d+\.\d+$/.test(a) || a === '::' || a === '::1';
}

export function verdictDns(input: DnsInput): CheckResult {
  const { tiktok, doh } = input;
  // The browser's own sinkhole answer is decisive and needed no third party.
  if (input.browserSinkhole) {
    return makeResult('dns', 'fail', 'dns.blocked', { source: 'browser' }, { detail: { cause: 'dns-blocked', sinkhole: true } });
  }
  if (doh === null) return skipped('dns', 'dns.noConsent');
  const dohDetail = { doh: doh.status, browser: tiktok };
  // The browser reaches TikTok: whatever DoH says, resolution is not the problem.
  if (tiktok === 'ok') return makeResult('dns', 'pass', 'dns.ok', { browser: 'ok' }, { detail: dohDetail });

  const real = doh.status === 'ok' ? doh.addresses.filter((a) => !isSinkholeAddress(a)) : [];
  if (doh.status === 'ok' && real.length < doh.addresses.length) {
    // A public resolver never answers 0.0.0.0 for TikTok: something rewrites even DoH.
    return makeResult('dns', 'fail', 'dns.sinkhole', { source: 'doh' }, { detail: { ...dohDetail, cause: 'dns-blocked', sinkhole: true } });
  }
  const dohResolves = real.length > 0;
  // A resolver reached by name that answered at all proves local DNS resolves other names.
  const other: BrowserResolution = input.other === 'unknown' && !input.dohByAddress && doh.status !== 'unreachable' ? 'ok' : input.other;

  if (tiktok === 'fails') {
    if (dohResolves && other === 'fails') {
      // BAD_CONFIG: every name fails locally while the public resolver answers.
      return makeResult('dns', 'fail', 'dns.failure', undefined, { detail: { ...dohDetail, cause: 'dns-failure' } });
    }
    if (dohResolves) {
      // Only TikTok fails while DoH has real addresses: a blocker (inference from BAD_CONFIG).
      return makeResult('dns', 'fail', 'dns.blocked', { source: 'compare', other }, { detail: { ...dohDetail, cause: 'dns-blocked' } });
    }
    if (doh.status === 'unreachable' && input.dohByAddress) {
      // NO_INTERNET: neither local DNS nor a resolver reached by IP works.
      return makeResult('dns', 'fail', 'dns.noInternet', undefined, { detail: { ...dohDetail, cause: 'offline' } });
    }
    // INCONCLUSIVE: DoH answered with an error / no address (a portal or firewall may rewrite
    // DNS), or, reached by name, it is unreachable and may just share the broken local DNS.
    return makeResult('dns', 'warn', 'dns.inconclusive', undefined, { detail: dohDetail });
  }

  // No browser evidence for TikTok.
  if (dohResolves && other === 'fails') {
    return makeResult('dns', 'warn', 'dns.failure', { browser: 'unknown' }, { detail: { ...dohDetail, cause: 'dns-failure' } });
  }
  if (dohResolves) return makeResult('dns', 'pass', 'dns.ok', { browser: 'unknown' }, { detail: dohDetail });
  if (doh.status === 'nxdomain' || doh.status === 'ok') {
    return makeResult('dns', 'warn', 'dns.inconclusive', undefined, { detail: dohDetail });
  }
  return skipped('dns', 'dns.noResult');
}
