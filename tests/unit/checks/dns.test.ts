import { describe, it, expect } from 'vitest';
import { isSinkholeAddress, verdictDns, type DnsInput, type DohAnswer } from '../../../src/checks/verdicts';

const real: DohAnswer = { status: 'ok', addresses: ['23.55.12.7', '2600:1406::17'] };
const run = (input: Partial<DnsInput>) => verdictDns({ tiktok: 'unknown', other: 'unknown', doh: real, ...input } as DnsInput);

describe('verdictDns (Chrome DNS probe table)', () => {
  it('no consent → skipped', () => {
    expect(run({ doh: null, tiktok: 'fails' })).toEqual({ id: 'dns', status: 'skipped', reason: { key: 'dns.noConsent' } });
  });

  it('a sinkhole answer seen by the browser is dns-blocked even without consent', () => {
    expect(run({ doh: null, browserSinkhole: true })).toMatchObject({
      status: 'fail',
      reason: { key: 'dns.blocked', params: { source: 'browser' } },
      detail: { cause: 'dns-blocked', sinkhole: true },
    });
  });

  it('browser resolves TikTok → pass, whatever DoH says', () => {
    for (const doh of [real, { status: 'unreachable' }, { status: 'nxdomain' }] satisfies DohAnswer[]) {
      expect(run({ tiktok: 'ok', doh })).toMatchObject({ status: 'pass', reason: { key: 'dns.ok' } });
    }
  });

  it('only TikTok fails while DoH has real addresses → dns-blocked', () => {
    expect(run({ tiktok: 'fails', other: 'ok' })).toMatchObject({
      status: 'fail',
      reason: { key: 'dns.blocked', params: { source: 'compare', other: 'ok' } },
      detail: { cause: 'dns-blocked' },
    });
    // A resolver reached by name that answered proves local DNS resolves other names.
    expect(run({ tiktok: 'fails', other: 'unknown' }).reason).toEqual({ key: 'dns.blocked', params: { source: 'compare', other: 'ok' } });
    // Reached by IP, it proves nothing about other names.
    expect(run({ tiktok: 'fails', other: 'unknown', dohByAddress: true }).reason).toEqual({
      key: 'dns.blocked',
      params: { source: 'compare', other: 'unknown' },
    });
  });

  it('every name fails locally while DoH answers → dns-failure (BAD_CONFIG)', () => {
    expect(run({ tiktok: 'fails', other: 'fails' })).toMatchObject({
      status: 'fail',
      reason: { key: 'dns.failure' },
      detail: { cause: 'dns-failure' },
    });
    expect(run({ tiktok: 'unknown', other: 'fails' })).toMatchObject({ status: 'warn', reason: { key: 'dns.failure' } });
  });

  it('browser fails and a resolver reached by IP is unreachable → no internet', () => {
    expect(run({ tiktok: 'fails', doh: { status: 'unreachable' }, dohByAddress: true })).toMatchObject({
      status: 'fail',
      reason: { key: 'dns.noInternet' },
      detail: { cause: 'offline' },
    });
  });

  it('reached by name, an unreachable resolver may share the broken local DNS → inconclusive', () => {
    expect(run({ tiktok: 'fails', doh: { status: 'unreachable' } })).toMatchObject({ status: 'warn', reason: { key: 'dns.inconclusive' } });
  });

  it('browser fails and DoH answers with errors → inconclusive (portal or firewall rewriting DNS)', () => {
    for (const doh of [{ status: 'error' }, { status: 'nxdomain' }, { status: 'ok', addresses: [] }] satisfies DohAnswer[]) {
      expect(run({ tiktok: 'fails', doh })).toMatchObject({ status: 'warn', reason: { key: 'dns.inconclusive' } });
    }
  });

  it('DoH returning 0.0.0.0 / loopback is flagged as a sinkhole', () => {
    for (const addresses of [['0.0.0.0'], ['127.0.0.1'], ['::'], ['::1'], ['23.55.12.7', '0.0.0.0']]) {
      expect(run({ tiktok: 'fails', doh: { status: 'ok', addresses } })).toMatchObject({
        status: 'fail',
        reason: { key: 'dns.sinkhole', params: { source: 'doh' } },
        detail: { cause: 'dns-blocked', sinkhole: true },
      });
    }
    expect(run({ doh: { status: 'ok', addresses: ['0.0.0.0'] } }).reason.key).toBe('dns.sinkhole');
  });

  it('no browser evidence: real DoH answer passes, no answer gives no result', () => {
    expect(run({})).toMatchObject({ status: 'pass', reason: { key: 'dns.ok', params: { browser: 'unknown' } } });
    expect(run({ doh: { status: 'nxdomain' } }).status).toBe('warn');
    expect(run({ doh: { status: 'unreachable' } })).toEqual({ id: 'dns', status: 'skipped', reason: { key: 'dns.noResult' } });
    expect(run({ doh: { status: 'error' } }).status).toBe('skipped');
  });
});

describe('isSinkholeAddress', () => {
  it.each([
    ['0.0.0.0', true],
    ['0.1.2.3', true],
    ['127.0.0.1', true],
    ['127.8.8.8', true],
    ['::', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['10.0.0.1', false],
    ['23.55.12.7', false],
    ['2600:1406::17', false],
    ['1.0.0.1', false],
  ] as const)('%s → %s', (address, expected) => expect(isSinkholeAddress(address)).toBe(expected));
});
