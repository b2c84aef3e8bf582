import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../../fixtures/index';
import { BUBBLE_MARKER, BUBBLE_WORDS, DRAFT_MARKER, DRAFT_TEXT, drift, renamedTestId } from '../../drift/drift';
import { fixtureHtml, parseHtml } from '../page/load-fixture';

// The drift generator does what each family says, and nothing else: otherwise the drift suite would
// prove nothing (a "renamed" page that still carries the old name passes for the wrong reason).

const classTokens = (html: string): string[] => [...html.matchAll(/\sclass="([^"]*)"/g)].flatMap((m) => m[1]!.split(/\s+/).filter(Boolean));
const components = (html: string): string[] =>
  classTokens(html)
    .map((t) => /^css-[a-z0-9]+-(?:[0-9a-f]{8}--)?([A-Za-z][\w-]*)$/.exec(t)?.[1])
    .filter((n): n is string => !!n)
    .sort();
const testIds = (html: string): string[] => [...html.matchAll(/\sdata-e2e="([^"]*)"/g)].map((m) => m[1]!);
/** the words a person sees (whitespace-collapsed), scripts and styles left out */
const wordCache = new Map<string, string>();
const words = (html: string): string => {
  const cached = wordCache.get(html);
  if (cached !== undefined) return cached;
  const doc = parseHtml(html);
  for (const e of Array.from(doc.querySelectorAll('script, style, noscript'))) e.remove();
  const out = (doc.body?.textContent ?? '').replace(/\s+/g, '');
  wordCache.set(html, out);
  return out;
};

const ALL = FIXTURES.map((f) => ({ f, html: fixtureHtml(f.file) }));

describe('drift generator', () => {
  it('is deterministic for a seed and varies with it', () => {
    const html = fixtureHtml('dm-new-failed-e1-too-fast.html');
    for (const family of ['hashes', 'new-generation', 'component:DivWarningContainer'] as const) {
      expect(drift(html, family, 7)).toBe(drift(html, family, 7));
      expect(drift(html, family, 7)).not.toBe(drift(html, family, 8));
    }
  });

  it('hashes: every class hash, build prefix and emotion id changes; every component name stays', () => {
    for (const { f, html } of ALL) {
      const out = drift(html, 'hashes');
      if (classTokens(html).some((t) => t.startsWith('css-'))) expect(out, f.file).not.toBeNull();
      if (!out) continue;
      const before = new Set(classTokens(html).filter((t) => /^(css-|e[a-z0-9]{5,8}\d$)/.test(t)));
      const kept = classTokens(out).filter((t) => before.has(t));
      expect(kept, f.file).toEqual([]);
      expect(out, f.file).not.toContain('7937d88b');
      expect(components(out), f.file).toEqual(components(html));
      expect(testIds(out), f.file).toEqual(testIds(html));
      expect(words(out), f.file).toBe(words(html));
    }
  });

  it('component:<Name>: that one name is gone everywhere (classes and the page style), the others stay', () => {
    for (const name of ['DivWarningContainer', 'DivChatItemWrapper', 'DivChatMainContent', 'DivSendFailTip', 'TUXToastProvider']) {
      for (const { f, html } of ALL) {
        const out = drift(html, `component:${name}`);
        const had = classTokens(html).some((t) => t === name || t.endsWith(`-${name}`));
        expect(out !== null, `${name} in ${f.file}`).toBe(had);
        if (!out) continue;
        expect(
          classTokens(out).filter((t) => t === name || t.endsWith(`-${name}`)),
          f.file,
        ).toEqual([]);
        const others = (list: string[]) => list.filter((n) => n !== name);
        expect(
          others(components(out)).filter((n) => !n.startsWith('Cmp')),
          f.file,
        ).toEqual(others(components(html)));
        expect(testIds(out), f.file).toEqual(testIds(html));
        expect(words(out), f.file).toBe(words(html));
      }
    }
    // a longer name that contains a shorter one is its own family
    const legacy = fixtureHtml('legacy-failed-e3-privacy.html');
    expect(drift(legacy, 'component:DivChatMain')).toBeNull();
    expect(drift(legacy, 'component:DivChatMainContent')).not.toContain('DivChatMainContent');
  });

  it('testids-renamed / -dropped: no test id keeps its value; dropped leaves none', () => {
    for (const { f, html } of ALL) {
      const ids = testIds(html);
      const renamed = drift(html, 'testids-renamed');
      const dropped = drift(html, 'testids-dropped');
      expect(renamed === null, f.file).toBe(ids.length === 0);
      if (!renamed || !dropped) continue;
      expect(testIds(renamed), f.file).toEqual(ids.map(renamedTestId));
      expect(
        testIds(renamed).filter((v) => ids.includes(v) || v.startsWith('dm-')),
        f.file,
      ).toEqual([]);
      expect(testIds(dropped), f.file).toEqual([]);
      expect(classTokens(renamed), f.file).toEqual(classTokens(html));
      expect(words(dropped), f.file).toBe(words(html));
    }
  });

  it('notice-under-header: the latest notice is a bar right before the message list, none is left in a row', () => {
    let moved = 0;
    for (const { f, html } of ALL) {
      for (const family of ['notice-under-header', 'notice-under-header-renamed'] as const) {
        const out = drift(html, family);
        if (!out) continue;
        moved++;
        const doc = parseHtml(out);
        const list = doc.querySelector('[data-e2e="dm-new-message-list"], [class*="DivChatMainContent"]')!;
        const bar = list.previousElementSibling!;
        const expected = f.expected.notice?.text ?? '';
        expect(bar.textContent?.replace(/\s+/g, ' ').trim(), f.file).toBe(expected);
        const noticeClass = bar.getAttribute('class')!;
        expect(list.querySelector(`[class="${noticeClass}"]`), f.file).toBeNull();
        if (family === 'notice-under-header-renamed') expect(/DivNoticeContainer|DivSendFailTip/.test(out), f.file).toBe(false);
        else expect(bar.matches('[class*="DivNoticeContainer"], [class*="DivSendFailTip"]'), f.file).toBe(true);
      }
    }
    expect(moved).toBeGreaterThanOrEqual(30);
  });

  it('new-generation: nothing known is left, the words and the failure icon are', () => {
    for (const { f, html } of ALL) {
      const out = drift(html, 'new-generation')!;
      expect(out, f.file).not.toBeNull();
      for (const known of [
        'data-e2e',
        'data-area',
        '--',
        'css-',
        'Draft',
        'TUX',
        'main-content-messages',
        'DivChat',
        'DivWarning',
        'DivNotice',
        'DivSendFailTip',
        'DivStrangerBox',
        'InboxItemWrapper',
        'PInfoNickname',
      ]) {
        expect(out.includes(known), `${known} left in ${f.file}`).toBe(false);
      }
      expect(words(out), f.file).toBe(words(html));
      const svgs = (h: string) => parseHtml(h).querySelectorAll('body svg').length;
      expect(svgs(out), f.file).toBe(svgs(html));
      // re-nested: wrappers added
      const divs = (h: string) => parseHtml(h).querySelectorAll('body div').length;
      if (parseHtml(html).querySelectorAll('body div div').length > 3) expect(divs(out), f.file).toBeGreaterThan(divs(html));
    }
  });

  it('privacy-drift: a draft in the composer and system-like words with a marker in the latest friend bubble; test ids renamed', () => {
    const out = drift(fixtureHtml('dm-new-failed-e2-friends-only.html'), 'privacy-drift')!;
    const doc = parseHtml(out);
    expect(doc.querySelector('[contenteditable="true"]')?.textContent).toBe(DRAFT_TEXT);
    const rows = Array.from(doc.querySelectorAll('[data-e2e="v2-chat-item"]'));
    const bubble = rows.find((r) => r.textContent?.includes(BUBBLE_MARKER))!;
    expect(bubble.querySelector('a[href^="/@"]')?.getAttribute('href')).toBe('/@marker_7f3a_friend');
    expect(Array.from(bubble.querySelectorAll('[class*="DivTextContainer"] p')).map((p) => p.textContent)).toEqual(BUBBLE_WORDS);
    expect(out.split(DRAFT_MARKER).length - 1).toBe(1);
    expect(testIds(out).filter((v) => v.startsWith('dm-'))).toEqual([]);
    const legacy = drift(fixtureHtml('legacy-failed-e3-privacy.html'), 'privacy-drift')!;
    expect(legacy).toContain(DRAFT_MARKER);
    expect(legacy).toContain(BUBBLE_MARKER);
    // nothing to plant on a page without a chat
    expect(drift(fixtureHtml('login.html'), 'privacy-drift')).toBeNull();
  });
});
