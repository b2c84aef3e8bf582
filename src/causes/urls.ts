// Every address the extension links to, in one place.
// `{lang}` is replaced by TikTok's path for the UI language where docs/l10n-sources.md records that
// the pages exist in it; English otherwise.

import type { Lang } from '../i18n/langs';

export type { Lang };
export type Browser = 'chrome' | 'firefox';

const TT = 'https://www.tiktok.com';
const ST = 'https://support.tiktok.com/{lang}';

/** TikTok pages: settings, login, feedback and help articles. */
export const TIKTOK_URLS = {
  inbox: `${TT}/messages`,
  // TikTok's own logged-out redirect, so the person lands back on the inbox.
  login: `${TT}/login?redirect_url=/messages`,
  dmSettings: `${TT}/setting/privacy/direct-messages`,
  // Fallback when the DM settings path moves.
  privacySettings: `${TT}/setting?activeTab=privacy`,
  feedback: `${TT}/feedback/?lang={lang}`,
  communityGuidelines: `${TT}/community-guidelines/{lang}/`,
  enforcement: `${TT}/community-guidelines/{lang}/enforcement`,
  helpCentre: ST,
  helpDmSettings: `${ST}/using-tiktok/messaging-and-notifications/direct-message-settings`,
  helpFamilyPairing: `${ST}/safety-hc/account-and-user-safety/family-pairing`,
  helpAccountStatus: `${ST}/safety-hc/account-and-user-safety/account-status`,
  helpBans: `${ST}/safety-hc/account-and-user-safety/content-violations-and-bans`,
  helpPhone: `${ST}/log-in-troubleshoot/log-in/email-and-phone-number`,
  helpLogin: `${ST}/log-in-troubleshoot/log-in`,
  // Only published in English.
  parentFeatures: 'https://newsroom.tiktok.com/en-us/three-tiktok-features-every-parent-should-know',
} as const;

export type TikTokUrlName = keyof typeof TIKTOK_URLS;

/**
 * Browser settings pages. Chrome opens chrome:// pages through tabs.create; Firefox refuses
 * privileged about: pages, so those are shown as copyable text, never linked.
 */
export const BROWSER_URLS = {
  secureDns: { chrome: 'chrome://settings/security', firefox: 'about:preferences#privacy' },
  proxy: { chrome: 'chrome://settings/system', firefox: 'about:preferences#general' },
  extensions: { chrome: 'chrome://extensions', firefox: 'about:addons' },
  // The standard "About" pages where each browser checks for updates.
  update: { chrome: 'chrome://settings/help', firefox: 'about:preferences#general' },
} as const satisfies Record<string, Record<Browser, string>>;

/**
 * A plain-http page a Wi-Fi login portal intercepts (it cannot intercept https), so opening it shows
 * the portal's sign-in page; once signed in, it is TikTok's own home page.
 */
export const PORTAL_PROBE_URL = 'http://www.tiktok.com/';

export type BrowserUrlName = keyof typeof BROWSER_URLS;

/** TikTok's language path per UI language, only where its pages are known to exist in that language. */
export const TIKTOK_PATH_LANG: Partial<Record<Lang, string>> = { en: 'en', fr: 'fr' };

export function helpUrl(name: TikTokUrlName, lang: Lang): string {
  return TIKTOK_URLS[name].replace('{lang}', TIKTOK_PATH_LANG[lang] ?? 'en');
}

export function browserUrl(name: BrowserUrlName, browser: Browser): string {
  return BROWSER_URLS[name][browser];
}

/** The recipient's profile, or null when the handle is unknown or empty. Accepts "@name" or "name". */
export function profileUrl(handle: string | null | undefined): string | null {
  const name = handle?.trim().replace(/^@+/, '');
  return name ? `${TT}/@${encodeURIComponent(name)}` : null;
}

/** Where "Report a wrong answer" opens a prefilled issue (package.json `bugs.url` says the same; a test keeps them equal). */
export const ISSUES_URL = 'https://github.com/dm-doctor/dm-doctor/issues';
