import { describe, it, expect } from 'vitest';
import { CAUSE_IDS } from '../../../src/contracts/cause-ids';
import { fixAction, helpLinks } from '../../../src/causes/catalogue';
import pkg from '../../../package.json';
import { ISSUES_URL, PORTAL_PROBE_URL, BROWSER_URLS, TIKTOK_URLS, helpUrl, profileUrl, type TikTokUrlName } from '../../../src/causes/urls';
import { CONTEXTS } from './contexts';

const HTTPS_HOSTS = ['www.tiktok.com', 'support.tiktok.com', 'newsroom.tiktok.com'];
const CHROME_PAGES = ['chrome://settings/security', 'chrome://settings/system', 'chrome://settings/help', 'chrome://extensions'];

/** Every distinct address the catalogue can produce, with the browser it was produced for. */
function everyUrl(): Map<string, Set<string>> {
  const seen = new Map<string, Set<string>>();
  const add = (url: string, browser: string) => seen.set(url, (seen.get(url) ?? new Set()).add(browser));
  for (const id of CAUSE_IDS) {
    for (const c of CONTEXTS) {
      const action = fixAction(id, c);
      if (action.kind === 'open-url') add(action.href, c.browser);
      for (const link of helpLinks(id, c)) add(link, c.browser);
    }
  }
  return seen;
}

describe('urls', () => {
  it('produces only allowlisted addresses', () => {
    const seen = everyUrl();
    expect(seen.size).toBeGreaterThan(20);
    for (const [href, browsers] of seen) {
      if (href.startsWith('chrome://')) {
        expect(CHROME_PAGES).toContain(href);
        expect([...browsers]).toEqual(['chrome']);
        continue;
      }
      const url = new URL(href);
      if (href === PORTAL_PROBE_URL) continue; // plain http on purpose: the Wi-Fi portal page
      expect(url.protocol).toBe('https:');
      expect(HTTPS_HOSTS).toContain(url.host);
      expect(url.username + url.password).toBe('');
      expect(href).not.toMatch(/[{}\s]/);
    }
  });

  it('reaches the pages of the reference', () => {
    const seen = everyUrl();
    for (const href of [
      'https://www.tiktok.com/setting/privacy/direct-messages',
      'https://www.tiktok.com/login?redirect_url=/messages',
      'https://www.tiktok.com/messages',
      'https://www.tiktok.com/feedback/?lang=en',
      'https://support.tiktok.com/fr/safety-hc/account-and-user-safety/family-pairing',
      'https://support.tiktok.com/en/safety-hc/account-and-user-safety/account-status',
      'https://www.tiktok.com/community-guidelines/fr/enforcement',
      'chrome://settings/security',
    ]) {
      expect(seen.has(href), href).toBe(true);
    }
  });

  it('fills {lang} in every TikTok address', () => {
    for (const name of Object.keys(TIKTOK_URLS) as TikTokUrlName[]) {
      for (const lang of ['en', 'fr'] as const) {
        const url = helpUrl(name, lang);
        expect(url).not.toContain('{lang}');
        if (TIKTOK_URLS[name].includes('{lang}')) expect(url).toContain(lang);
      }
    }
  });

  it('keeps privileged browser pages to their own browser', () => {
    for (const pages of Object.values(BROWSER_URLS)) {
      expect(pages.chrome).toMatch(/^chrome:\/\//);
      expect(pages.firefox).toMatch(/^about:/);
    }
  });

  it('builds profile links only from a real handle', () => {
    expect(profileUrl(null)).toBeNull();
    expect(profileUrl(undefined)).toBeNull();
    expect(profileUrl('  @ ')).toBeNull();
    expect(profileUrl('@@someone')).toBe('https://www.tiktok.com/@someone');
    expect(profileUrl('x?y=1&z')).toBe('https://www.tiktok.com/@x%3Fy%3D1%26z');
  });
});

describe('the project address', () => {
  it('is the one package.json names for bugs', () => {
    expect(ISSUES_URL).toBe(pkg.bugs.url);
  });
});
