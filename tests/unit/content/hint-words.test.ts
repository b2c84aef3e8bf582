import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { hintPlan } from '../../../src/causes/hint-plan';
import { hintPlanKey, packagedHintWords, wordsOf } from '../../../src/causes/hint-words';
import { fixAction, messageKeys } from '../../../src/causes/catalogue';
import { buildHint } from '../../../src/content/hint';
import { CAUSE_IDS, type CauseId } from '../../../src/contracts/cause-ids';
import type { Browser, Lang } from '../../../src/causes/urls';

// The hint's words come from the background (the catalogue stays out of the content script): they
// must say what the catalogue says, and the hint must open the person's profile only from the
// handle the page shows, which never leaves the page.

// what the background shows: the plan built with the package, in the extension's words
const hintWords = (id: CauseId, browser: Browser, lang: Lang) => wordsOf(id, hintPlan(id, browser, lang));

const i18n = fakeBrowser.i18n as unknown as { getMessage: (k: string) => string };
beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(i18n, 'getMessage').mockImplementation((k: string) => (k === 'lang_code' ? 'en' : `«${k}»`));
});

describe('hint words (background)', () => {
  it('say, for every cause and browser, what the catalogue says', () => {
    for (const id of CAUSE_IDS)
      for (const browser of ['chrome', 'firefox'] as const) {
        const ctx = { lang: 'en' as const, browser, handle: null };
        const w = hintWords(id, browser, 'en');
        const keys = messageKeys(id, ctx);
        expect(w.title).toBe(`«${keys.title}»`);
        expect(w.why).toBe(`«${keys.why}»`);
        expect(w.steps).toEqual(keys.steps.map((k) => `«${k}»`));
        const action = fixAction(id, ctx);
        if (action.kind === 'open-url' && action.href.startsWith('https:')) expect(w.fix?.href, id).toBe(action.href);
        else expect(w.fix, id).toBeNull();
      }
  });
  it('give a "with a handle" label only for the causes whose fix is the profile', () => {
    expect(hintWords('not-friends', 'chrome', 'en').fix).toMatchObject({
      label: '«cause_not_friends_action_nohandle»',
      profileLabel: '«cause_not_friends_action»',
    });
    expect(hintWords('sending-too-fast', 'chrome', 'en').fix).toBeNull();
    expect(hintWords('phone-unverified', 'chrome', 'en').fix?.profileLabel).toBeUndefined();
  });
});

describe('hint words packaged with the messages (what the background reads)', () => {
  const packaged = (plans: (id: CauseId) => string) =>
    vi.spyOn(i18n, 'getMessage').mockImplementation((k: string) => {
      const id = CAUSE_IDS.find((c) => hintPlanKey(c) === k);
      return id ? plans(id) : `«${k}»`;
    });
  it("are the plan's words for every cause", () => {
    packaged((id) => JSON.stringify(hintPlan(id, 'firefox', 'fr')));
    for (const id of CAUSE_IDS) expect(packagedHintWords(id), id).toEqual(hintWords(id, 'firefox', 'fr'));
  });
  it("are none (the page's own words, no link) when the plan is missing or damaged, never a guess", () => {
    const good = hintPlan('not-friends', 'chrome', 'en');
    const damaged = [
      '', // the message is missing: t() gives the key back
      '{"steps":["step1"]',
      'null',
      '{"steps":"step1","fix":null}',
      JSON.stringify({ ...good, steps: ['step1', 'step2 <b>'] }),
      JSON.stringify({ ...good, fix: { ...good.fix, href: 'javascript:alert(1)' } }),
      JSON.stringify({ ...good, fix: { ...good.fix, href: 'http://www.tiktok.com/' } }),
      JSON.stringify({ ...good, fix: { href: good.fix?.href } }),
      JSON.stringify({ steps: good.steps }),
    ];
    for (const message of damaged) {
      packaged(() => message);
      expect(packagedHintWords('not-friends'), message).toBeNull();
    }
    packaged(() => JSON.stringify(good));
    expect(packagedHintWords('not-friends')?.fix?.href).toBe(good.fix?.href);
  });
});

describe('the hint renders them', () => {
  const render = (words: ReturnType<typeof hintWords> | null, handle: string | null) => {
    const host = document.createElement('div');
    const box = document.createElement('div');
    const view = buildHint(host, box, { dismiss() {}, hintsOff() {} });
    view.render({ causeId: 'not-friends', earlier: false, settled: words !== null, words, handle });
    return box;
  };
  it("opens the person's profile when the page shows their handle, else the help article", () => {
    const w = hintWords('not-friends', 'chrome', 'en');
    const a = render(w, '@some.one').querySelector('a.fix');
    expect(a?.getAttribute('href')).toBe('https://www.tiktok.com/@some.one');
    expect(a?.textContent).toBe('«cause_not_friends_action»');
    const b = render(w, null).querySelector('a.fix');
    expect(b?.getAttribute('href')).toBe(w.fix?.href);
    expect(b?.textContent).toBe('«cause_not_friends_action_nohandle»');
  });
  it('before the background answers: the title and why from the page alone, no fix link, no steps', () => {
    const box = render(null, '@some.one');
    expect(box.querySelector('a.fix')).toBeNull();
    expect(box.querySelector('.title')?.textContent).toBe('«hint_not_sent»');
    expect(box.querySelector('.why')?.textContent).toBe('«cause_not_friends_why»');
    expect(box.querySelectorAll('.step')).toHaveLength(0);
  });
  it('never links anything but https', () => {
    const w = { ...hintWords('phone-unverified', 'chrome', 'en') };
    w.fix = { label: 'x', href: 'javascript:alert(1)' };
    expect(render(w, null).querySelector('a.fix')).toBeNull();
  });
});
