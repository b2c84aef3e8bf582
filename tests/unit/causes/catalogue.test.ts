import { describe, it, expect } from 'vitest';
import { CAUSE_IDS, sideOf } from '../../../src/contracts/cause-ids';
import { CATALOGUE, fixAction, helpLinks, type CauseContext } from '../../../src/causes/catalogue';
import { CONTEXTS } from './contexts';

const ctx = (over: Partial<CauseContext> = {}): CauseContext => ({ lang: 'en', browser: 'chrome', handle: null, ...over });

describe('cause catalogue', () => {
  it('has exactly one entry per cause id, on the right side', () => {
    expect(Object.keys(CATALOGUE).sort()).toEqual([...CAUSE_IDS].sort());
    for (const id of CAUSE_IDS) {
      expect(CATALOGUE[id].id).toBe(id);
      expect(CATALOGUE[id].side).toBe(sideOf(id));
      expect(CATALOGUE[id].stepCount).toBeGreaterThanOrEqual(1);
    }
  });

  it('gives every cause one fix action in every browser and language', () => {
    for (const id of CAUSE_IDS) {
      for (const c of CONTEXTS) {
        const action = fixAction(id, c);
        expect(['open-url', 'copy-steps', 'copy-address', 'reload-tab', 'recheck']).toContain(action.kind);
        if (action.kind === 'open-url') expect(action.href).toMatch(/^(https|chrome):\/\/|^http:\/\/www\.tiktok\.com\/$/);
      }
    }
  });

  it('never links Firefox to a privileged page, and uses chrome:// only in Chrome', () => {
    for (const id of CAUSE_IDS) {
      for (const c of CONTEXTS) {
        const action = fixAction(id, c);
        if (action.kind !== 'open-url') continue;
        // the one plain-http address is the Wi-Fi portal page, opened on purpose (a portal cannot intercept https)
        if (action.href === 'http://www.tiktok.com/') {
          expect(id).toBe('captive-portal');
          continue;
        }
        if (c.browser === 'firefox') expect(action.href).toMatch(/^https:\/\//);
        else expect(action.href).toMatch(/^(https:\/\/|chrome:\/\/settings\/|chrome:\/\/extensions$)/);
      }
    }
  });

  it('sends Chrome to its settings page and shows Firefox the about: address as text', () => {
    const cases = {
      'dns-failure': ['chrome://settings/security', 'about:preferences#privacy'],
      'dns-blocked': ['chrome://settings/security', 'about:preferences#privacy'],
      'proxy-vpn': ['chrome://settings/system', 'about:preferences#general'],
      'blocked-by-extension': ['chrome://extensions', 'about:addons'],
      'outdated-browser': ['chrome://settings/help', 'about:preferences#general'],
    } as const;
    for (const [id, [chrome, firefox]] of Object.entries(cases) as [keyof typeof cases, readonly [string, string]][]) {
      expect(fixAction(id, ctx())).toEqual({ kind: 'open-url', href: chrome });
      expect(fixAction(id, ctx({ browser: 'firefox' }))).toEqual({ kind: 'copy-address', address: firefox });
    }
  });

  it('uses the agreed targets for account and recipient causes', () => {
    expect(fixAction('logged-out', ctx())).toEqual({ kind: 'open-url', href: 'https://www.tiktok.com/login?redirect_url=/messages' });
    expect(fixAction('own-dm-settings', ctx())).toEqual({
      kind: 'open-url',
      href: 'https://www.tiktok.com/setting/privacy/direct-messages',
    });
    expect(fixAction('incoming-request', ctx())).toEqual({ kind: 'open-url', href: 'https://www.tiktok.com/messages' });
    expect(fixAction('content-flagged', ctx({ lang: 'fr' }))).toEqual({
      kind: 'open-url',
      href: 'https://www.tiktok.com/feedback/?lang=fr',
    });
  });

  it('gives the seven "check again only" causes a real first step', () => {
    for (const c of CONTEXTS) {
      for (const id of ['offline', 'slow-connection', 'temporary-glitch', 'clock-wrong'] as const)
        expect(fixAction(id, c)).toEqual({ kind: 'reload-tab' });
      expect(fixAction('captive-portal', c)).toEqual({ kind: 'open-url', href: 'http://www.tiktok.com/' });
      expect(fixAction('firewall', c)).toEqual({ kind: 'copy-steps' });
      expect(fixAction('sending-too-fast', c)).toEqual({ kind: 'recheck', wait: true });
    }
    // no cause's only action is a plain re-check any more
    for (const id of CAUSE_IDS) for (const c of CONTEXTS) expect(fixAction(id, c)).not.toEqual({ kind: 'recheck' });
  });

  it('links causes the person cannot change to an explaining article', () => {
    for (const id of [
      'recipient-suspended',
      'recipient-restricted',
      'region-unavailable',
      'tiktok-outage',
      'recipient-settings',
    ] as const) {
      const action = fixAction(id, ctx());
      expect(action.kind).toBe('open-url');
    }
  });

  it('opens the recipient profile only with a handle, URL-encoded', () => {
    for (const id of ['not-friends', 'blocked', 'request-pending'] as const) {
      expect(fixAction(id, ctx({ handle: 'dm.doctor_1' }))).toEqual({ kind: 'open-url', href: 'https://www.tiktok.com/@dm.doctor_1' });
      expect(fixAction(id, ctx({ handle: '@dm.doctor_1' }))).toEqual({ kind: 'open-url', href: 'https://www.tiktok.com/@dm.doctor_1' });
      expect(fixAction(id, ctx({ handle: 'a b/?#é' }))).toEqual({ kind: 'open-url', href: 'https://www.tiktok.com/@a%20b%2F%3F%23%C3%A9' });
      for (const handle of [null, '', ' ', '@']) {
        const action = fixAction(id, ctx({ handle, lang: 'fr' }));
        expect(action).toEqual({
          kind: 'open-url',
          href: 'https://support.tiktok.com/fr/using-tiktok/messaging-and-notifications/direct-message-settings',
        });
      }
    }
    for (const id of CAUSE_IDS.filter((x) => x !== 'not-friends' && x !== 'blocked' && x !== 'request-pending')) {
      for (const c of CONTEXTS) {
        const action = fixAction(id, c);
        if (action.kind === 'open-url') expect(action.href).not.toContain('/@');
      }
    }
  });

  it('gives every cause https help links in both languages', () => {
    for (const id of CAUSE_IDS) {
      for (const c of CONTEXTS) {
        const links = helpLinks(id, c);
        expect(links.length).toBeGreaterThanOrEqual(1);
        for (const link of links) expect(link).toMatch(/^https:\/\//);
      }
    }
  });

  it('honours the UI language in help links', () => {
    for (const id of CAUSE_IDS) {
      for (const lang of ['en', 'fr'] as const) {
        for (const link of helpLinks(id, ctx({ lang }))) {
          expect(link).not.toContain('{lang}');
          const url = new URL(link);
          if (url.host === 'support.tiktok.com') expect(url.pathname.split('/')[1]).toBe(lang);
          if (url.pathname.startsWith('/feedback')) expect(url.searchParams.get('lang')).toBe(lang);
          if (url.pathname.startsWith('/community-guidelines/')) expect(url.pathname.split('/')[2]).toBe(lang);
        }
      }
    }
  });
});
