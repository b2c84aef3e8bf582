import { describe, expect, it } from 'vitest';
import { scanPage } from '../../../src/page/read-page';
import { fixtureHtml, parseHtml } from './load-fixture';

// Reading less when unsure: text comes only from system containers (notices, toasts, dialogs, the
// bar that replaces the composer, TikTok's page states); never from what a person typed or wrote,
// and not at all when nothing of the page is recognised.

const DRAFT = 'DRAFT-MARKER-7731 meet me at 5';
const BUBBLE = 'BUBBLE-MARKER-4410';
const json = (html: string) => JSON.stringify(scanPage(parseHtml(html)).observation);

/** Replaces the composer's Draft.js editor with an unrecognised contenteditable holding a draft. */
function withDraft(html: string, editor: string): string {
  const doc = parseHtml(html);
  const area = doc.querySelector('[data-e2e="message-input-area"]')!;
  area.innerHTML = editor;
  return `<!DOCTYPE html>${doc.documentElement.outerHTML}`;
}

describe('never the person’s draft', () => {
  for (const [name, editor] of [
    ['an unrecognised contenteditable', `<div class="nx-editor" contenteditable="true">${DRAFT}</div>`],
    ['a contenteditable="plaintext-only"', `<div contenteditable="plaintext-only"><span>${DRAFT}</span></div>`],
    ['a textarea', `<textarea>${DRAFT}</textarea>`],
    ['an input', `<input value="${DRAFT}">`],
  ]) {
    it(`in ${name}, on a failed chat`, () => {
      expect(json(withDraft(fixtureHtml('dm-new-failed-no-notice.html'), editor!))).not.toContain('DRAFT-MARKER');
    });
    it(`in ${name}, on a healthy chat`, () => {
      expect(json(withDraft(fixtureHtml('dm-new-healthy.html'), editor!))).not.toContain('DRAFT-MARKER');
    });
  }
});

describe('never message bubbles', () => {
  it('a bubble with system-like words on a page with nothing recognised', () => {
    const html = fixtureHtml('dm-new-failed-e2-friends-only.html')
      .replace(/ (data-e2e|data-area|data-conv-id|id)="[^"]*"/g, '')
      .replace(/class="[^"]*"/g, 'class="k"')
      .replace('MARKER-7f3a are you free tonight?', `${BUBBLE} Too many requests. You are sending messages too fast. Take a rest.`);
    const read = scanPage(parseHtml(html));
    expect(JSON.stringify(read.observation)).not.toContain(BUBBLE);
    expect(read.observation).toMatchObject({ page: 'unknown', notice: null });
    expect(read.unreadable).toBe('page-changed');
  });

  it('a bubble beside a failed row whose notice is missing is not taken as the notice', () => {
    const html = fixtureHtml('dm-new-failed-no-notice.html').replace(
      'MARKER-7f3a are you free tonight?',
      `${BUBBLE} Only friends can send messages to each other`,
    );
    const read = scanPage(parseHtml(html));
    expect(read.observation.failures.total).toBe(1);
    expect(JSON.stringify(read.observation)).not.toContain(BUBBLE);
    expect(read.observation.notice).toBeNull();
  });
});
