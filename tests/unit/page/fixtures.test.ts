import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFixtures } from '../../fixtures/make-fixtures';
import { FIXTURES, HOST_PAGES, REF_TOPICS } from '../../fixtures/index';
import { FIXTURE_DIR, fixtureHtml, loadFixture } from './load-fixture';

/** Each `; `-separated part of a ref starts with a known topic (no section marks of an out-of-repo document). */
function expectRef(ref: string): void {
  for (const part of ref.split('; '))
    expect(
      REF_TOPICS.some((t) => part === t || part.startsWith(`${t}: `)),
      part,
    ).toBe(true);
}

describe('saved TikTok pages', () => {
  const onDisk = readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith('.html'))
    .sort();

  it('are all listed, at least 26, each once', () => {
    expect([...FIXTURES, ...HOST_PAGES].map((f) => f.file).sort()).toEqual(onDisk);
    expect(onDisk.length).toBeGreaterThanOrEqual(26);
  });

  it('match their generator (run `npx jiti tests/fixtures/make-fixtures.ts` after editing it)', () => {
    const built = buildFixtures();
    expect(Object.keys(built).sort()).toEqual(onDisk);
    for (const file of onDisk) expect(fixtureHtml(file), file).toBe(built[file]);
  });

  for (const fixture of FIXTURES) {
    it(`${fixture.file} is a full TikTok document at a realistic URL`, () => {
      const html = fixtureHtml(fixture.file);
      expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
      expect(statSync(join(FIXTURE_DIR, fixture.file)).size).toBeLessThan(300 * 1024);
      const doc = loadFixture(fixture.file);
      expect(doc.title).toMatch(/TikTok/);
      expect(doc.getElementById('app')).not.toBeNull();
      if (!fixture.file.startsWith('business')) expect(doc.querySelector('[data-e2e="nav-messages"]')).not.toBeNull();
      const url = new URL(fixture.url);
      expect(url.origin).toBe('https://www.tiktok.com');
      expect(['/messages', '/login']).toContain(url.pathname);
      expect(fixture.description.length).toBeGreaterThan(10);
      expectRef(fixture.ref);
      // TikTok's class format on every hashed class
      for (const el of Array.from(doc.querySelectorAll('[class*="css-"]'))) {
        const hashed = el.className.split(/\s+/).filter((c) => c.startsWith('css-'));
        for (const c of hashed) expect(c, fixture.file).toMatch(/^css-[a-z0-9]{5,8}-(?:[0-9a-f]{8}--)?[A-Z][A-Za-z0-9]+$/);
      }
    });
  }
  for (const host of HOST_PAGES) {
    it(`${host.file} hosts a listed chat fixture in a same-origin iframe, at a realistic URL`, () => {
      const html = fixtureHtml(host.file);
      expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
      const doc = loadFixture(host.file);
      expect(doc.title).toMatch(/TikTok/);
      const url = new URL(host.url);
      expect(url.origin).toBe('https://www.tiktok.com');
      expect(url.pathname).toBe('/business-suite/messages');
      expectRef(host.ref);
      // no chat of its own: the content script reads only the iframe
      expect(doc.querySelector('[data-e2e*="chat"], [data-e2e*="message"], [contenteditable]')).toBeNull();
      // the iframe it builds for each conversation is a fixture
      const uids = Array.from(doc.querySelectorAll('[data-conv-id]')).map((el) => el.getAttribute('data-conv-id')!.split(':')[2]);
      expect(uids.length).toBe(2);
      for (const uid of uids)
        expect(
          FIXTURES.some((f) => f.url === `https://www.tiktok.com/messages?allow_label=true&lang=en&scene=business&u=${uid}`),
          uid,
        ).toBe(true);
    });
  }
});
