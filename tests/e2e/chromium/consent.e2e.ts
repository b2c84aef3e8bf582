import { afterEach, describe, expect, it } from 'vitest';
import { launchChromium, fixtureHtml, type ChromiumSession } from '../harness/chromium';
import { BUILD } from '../harness/browsers';
import { runChecksFromPopup } from '../harness/popup';
import type { Page } from 'playwright-core';

// The e2e build grants the optional host permissions at install (tests cannot click prompts);
// the person's consent in the popup is still required before any external check runs.
const CHAT = 'https://www.tiktok.com/messages?lang=en&u=7301948089581';
let s: ChromiumSession | undefined;

afterEach(async (ctx) => {
  if (s && ctx.task.result?.state === 'fail') await s.saveArtifacts(ctx.task.name);
  await s?.close();
  s = undefined;
});

async function allowAndRun(popup: Page): Promise<Record<string, string>> {
  const toggle = popup.locator('[data-testid="allow-external-checks"]');
  expect(await toggle.getAttribute('aria-checked')).toBe('false');
  await toggle.click();
  await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('true');
  return runChecksFromPopup(popup);
}

const doh = (addresses: string[]) => ({ status: 200, contentType: 'application/dns-json', body: JSON.stringify({ Status: 0, Answer: addresses.map((data) => ({ name: 'www.tiktok.com', type: 1, data })) }) });

describe('Chromium: consented external checks (DoH, captive portal)', () => {
  it('contacts nothing outside TikTok before consent, and passes dns and captive-portal with healthy fakes after it', async () => {
    s = await launchChromium({ extensionDir: BUILD.chromeE2e });
    s.handle((url) => (url.host === 'cloudflare-dns.com' ? doh(['23.2.16.11']) : url.host === 'connectivitycheck.gstatic.com' ? { status: 204 } : undefined));
    s.serve(CHAT, fixtureHtml('dm-new-healthy.html'));
    const page = await s.open(CHAT);
    const popup = await s.popup(`?tab=${await s.tabId(page)}`);
    expect(s.extensionRequests.filter((r) => !r.split('/')[0]!.endsWith('tiktok.com'))).toEqual([]);
    const statuses = await allowAndRun(popup);
    expect(statuses).toMatchObject({ dns: 'pass', 'captive-portal': 'pass', 'reach-www': 'pass' });
    expect(s.extensionRequests).toEqual(expect.arrayContaining(['cloudflare-dns.com/dns-query', 'connectivitycheck.gstatic.com/generate_204']));
  });

  it('fails dns (blocked) and captive-portal when the fakes say so', async () => {
    s = await launchChromium({ extensionDir: BUILD.chromeE2e });
    // The browser cannot resolve TikTok while the public resolver can: a DNS block.
    s.handle((url) => {
      if (url.host === 'cloudflare-dns.com') return doh(['23.2.16.11']);
      if (url.host === 'connectivitycheck.gstatic.com') return { status: 200, contentType: 'text/html', body: '<html><body>Sign in to Hotel Wi-Fi</body></html>' };
      if (url.pathname === '/robots.txt' || url.host === 'im-api.tiktok.com') return { abort: 'namenotresolved' };
      return undefined;
    });
    s.serve(CHAT, fixtureHtml('dm-new-failed-no-notice.html'));
    const page = await s.open(CHAT);
    const popup = await s.popup(`?tab=${await s.tabId(page)}`);
    const statuses = await allowAndRun(popup);
    expect(statuses).toMatchObject({ dns: 'fail', 'captive-portal': 'fail', 'reach-www': 'fail' });
    const top = await popup.locator('[data-testid="top-cause"]').getAttribute('data-cause-id');
    expect(['captive-portal', 'dns-blocked']).toContain(top);
  });
});
