import { describe, expect, it } from 'vitest';
import { chromiumSuite, fixtureHtml, type ChromiumSession } from '../harness/chromium-suite';
import { popupState } from '../harness/popup';
import { axeViolations } from '../harness/axe';
import { readFileSync } from 'node:fs';

const launch = chromiumSuite();

const CHAT = 'https://www.tiktok.com/messages?lang=en&u=7301948089581';
const fr = JSON.parse(readFileSync('locales/fr/ui.json', 'utf8')) as Record<string, { message: string }>;
const frCauses = JSON.parse(readFileSync('locales/fr/causes.json', 'utf8')) as Record<string, { message: string }>;
let s: ChromiumSession | undefined;

describe('Chromium: the question re-ranks the causes', () => {
  it('asks a question for a failure without a notice, and the answer changes the ranking', async () => {
    s = await launch();
    s.serve(CHAT, fixtureHtml('dm-new-failed-no-notice.html'));
    const page = await s.open(CHAT);
    const popup = await s.popup(`?tab=${await s.tabId(page)}`);
    expect((await popupState(popup)).state).toBe('problem');
    const ranking = async () => [
      await popup.locator('[data-testid="top-cause"]').getAttribute('data-cause-id'),
      ...(await popup.locator('[data-testid="cause"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-cause-id')))),
    ];
    const before = await ranking();
    expect(await popup.locator('[data-testid="top-cause"]').getAttribute('data-confidence')).not.toBe('high');
    const question = popup.locator('[data-testid="question"]');
    const qid = await question.getAttribute('data-question-id');
    expect(qid).toBeTruthy();
    // answer so that the current top cause loses support, whichever question was chosen
    await question.locator('[data-testid="answer-yes"]').click();
    await expect.poll(async () => JSON.stringify(await ranking()), { timeout: 10_000 }).not.toBe(JSON.stringify(before));
    expect(await popup.locator(`[data-testid="question"][data-question-id="${qid}"]`).count()).toBe(0);
  });
});

describe('Chromium: French', () => {
  it('shows the popup and the hint in French with LANGUAGE=fr', async () => {
    s = await launch({ locale: 'fr' });
    s.serve(CHAT, fixtureHtml('dm-new-failed-e1-too-fast.html'));
    const page = await s.open(CHAT);
    const hint = page.locator('dm-doctor-hint');
    await expect.poll(() => hint.getAttribute('data-settled'), { timeout: 10_000 }).toBe('true');
    const hintText = await page.evaluate(() => document.querySelector('dm-doctor-hint')?.shadowRoot?.textContent ?? '');
    expect(hintText).toContain(frCauses.cause_sending_too_fast_title!.message);
    const popup = await s.popup(`?tab=${await s.tabId(page)}`);
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(await popup.locator('#top-title').textContent()).toBe(frCauses.cause_sending_too_fast_title!.message);
    // no check ran yet: "Run checks", in French
    expect(await popup.locator('[data-testid="check-again"]').textContent()).toBe(fr.popup_run_checks!.message);
    // TikTok's own notice stays verbatim
    expect(await popup.locator('[data-testid="notice-text"]').textContent()).toBe('You are sending messages too fast. Take a rest.');
  });
});

describe('Chromium: accessibility (axe, every rule)', () => {
  it('has no violations in the problem state, the hint, no-problem, not-tiktok, ui-unrecognized and checking', async () => {
    s = await launch();
    const found: Record<string, unknown> = {};
    // problem + hint
    s.serve(CHAT, fixtureHtml('dm-new-failed-e2-friends-only.html'));
    const page = await s.open(CHAT);
    await expect.poll(() => page.locator('dm-doctor-hint').getAttribute('data-settled'), { timeout: 10_000 }).toBe('true');
    found.hint = await axeViolations(page, 'dm-doctor-hint');
    const problem = await s.popup(`?tab=${await s.tabId(page)}`);
    expect((await popupState(problem)).state).toBe('problem');
    await problem
      .locator('details.others summary')
      .click()
      .catch(() => undefined);
    found.problem = await axeViolations(problem);
    await problem.emulateMedia({ colorScheme: 'dark' });
    found['problem-dark'] = await axeViolations(problem);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    await expect.poll(() => page.locator('dm-doctor-hint').getAttribute('data-settled'), { timeout: 10_000 }).toBe('true');
    expect(await page.evaluate(() => document.querySelector('dm-doctor-hint')?.shadowRoot?.querySelector('.hint.dark') != null)).toBe(true);
    found['hint-dark'] = await axeViolations(page, 'dm-doctor-hint');
    // no-problem
    const healthyUrl = 'https://www.tiktok.com/messages?lang=en&u=42424242424';
    s.serve(healthyUrl, fixtureHtml('dm-new-healthy.html'));
    const healthy = await s.open(healthyUrl);
    const ok = await s.popup(`?tab=${await s.tabId(healthy)}`);
    expect((await popupState(ok)).state).toBe('no-problem');
    found['no-problem'] = await axeViolations(ok);
    // not-tiktok
    const elsewhere = await s.popup('?tab=999999');
    expect((await popupState(elsewhere)).state).toBe('not-tiktok');
    found['not-tiktok'] = await axeViolations(elsewhere);
    // ui-unrecognized
    const damagedUrl = 'https://www.tiktok.com/messages?lang=en&u=31313131313';
    s.serve(damagedUrl, fixtureHtml('damaged.html'));
    const damaged = await s.open(damagedUrl);
    const unrec = await s.context.newPage();
    await unrec.goto(`chrome-extension://${s.extensionId}/popup.html?tab=${await s.tabId(damaged)}`);
    await unrec.waitForSelector('[data-testid="popup"][data-state="ui-unrecognized"][data-settled="true"]', { timeout: 15_000 });
    found['ui-unrecognized'] = await axeViolations(unrec);
    // checking: a TikTok tab with no report yet while the probes hang
    s.handle((url) => (url.pathname === '/robots.txt' || url.host === 'im-api.tiktok.com' ? 'hang' : undefined));
    s.serve('https://www.tiktok.com/foryou', '<html><head><title>For You</title></head><body><main>feed</main></body></html>');
    const feed = await s.open('https://www.tiktok.com/foryou');
    const checking = await s.popup(`?tab=${await s.tabId(feed)}`);
    await checking.click('[data-testid="check-again"]');
    await checking.waitForSelector('[data-testid="popup"][data-state="checking"]', { timeout: 5000 });
    expect(await checking.locator('[data-testid="check"][data-status="running"]').count()).toBeGreaterThan(0);
    found.checking = await axeViolations(checking);

    for (const [state, v] of Object.entries(found)) expect({ state, violations: v }).toEqual({ state, violations: [] });

    // the audit is real: an unlabeled image in the popup is caught
    await elsewhere.evaluate(() =>
      document.querySelector('header')?.append(Object.assign(document.createElement('img'), { src: '/icon/16.png' })),
    );
    expect((await axeViolations(elsewhere)).map((v) => v.id)).toContain('image-alt');
  });
});
