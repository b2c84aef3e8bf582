import { describe, expect, it } from 'vitest';
import { fixtureHtml, popupInfo, firefoxSuite } from '../harness/firefox';

// Firefox: a known notice leads to the right fix link, and answering the question re-ranks.
const CHAT = 'https://www.tiktok.com/messages?lang=en&u=7301948089581';
const launch = firefoxSuite();

describe('Firefox: diagnosis in the popup', () => {
  it('links a known notice (E3, privacy settings) to the message-settings help article', async () => {
    const ff = await launch();
    const page = await ff.openTikTok(CHAT, fixtureHtml('legacy-failed-e3-privacy.html'));
    await page.waitForSelector('dm-doctor-hint[data-settled="true"]', { timeout: 10_000 });
    const popup = await ff.openPopupFor(page);
    expect(await popupInfo(popup)).toMatchObject({ state: 'problem', settled: 'true' });
    const fix = await popup.$eval('[data-testid="top-cause"]', (el) => ({
      cause: el.getAttribute('data-cause-id'),
      action: el.querySelector('[data-testid="fix-action"]')?.getAttribute('data-action'),
      href: el.querySelector('[data-testid="fix-action"]')?.getAttribute('href'),
    }));
    expect(fix).toEqual({
      cause: 'recipient-settings',
      action: 'open-url',
      href: 'https://support.tiktok.com/en/using-tiktok/messaging-and-notifications/direct-message-settings',
    });
  });

  it('asks a question when the cause is unclear, and the answer re-ranks the causes', async () => {
    const ff = await launch();
    const page = await ff.openTikTok(CHAT, fixtureHtml('dm-new-failed-no-notice.html'));
    await page.waitForSelector('dm-doctor-hint[data-settled="true"]', { timeout: 10_000 });
    const popup = await ff.openPopupFor(page);
    const ranking = () =>
      popup.$$eval('[data-testid="top-cause"], [data-testid="cause"]', (els) => els.map((e) => e.getAttribute('data-cause-id')).join(','));
    const before = await ranking();
    const qid = await popup.$eval('[data-testid="question"]', (el) => el.getAttribute('data-question-id'));
    expect(qid).toBeTruthy();
    await popup.click('[data-testid="answer-yes"]');
    await popup.waitForFunction(
      (prev, q) =>
        [...document.querySelectorAll('[data-testid="top-cause"], [data-testid="cause"]')]
          .map((e) => e.getAttribute('data-cause-id'))
          .join(',') !== prev && !document.querySelector(`[data-question-id="${q}"]`),
      { timeout: 10_000 },
      before,
      qid,
    );
    expect(await ranking()).not.toBe(before);
  });
});
