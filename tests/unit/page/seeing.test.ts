import { describe, expect, it } from 'vitest';
import { scanPage } from '../../../src/page/read-page';
import { fixtureHtml, parseHtml } from './load-fixture';

// The "seeing" contract and reading under drift, on hand-made variants of the saved pages (the
// generated drift suite covers every family; these pin the individual rules).

const dropTestIds = (html: string) => html.replace(/ data-e2e="[^"]*"/g, '');
const renameTestIds = (html: string) => html.replace(/ data-e2e="([^"]*)"/g, ' data-e2e="x-$1-2027"');
/** A real rename (not a suffix, which a substring anchor would still match). */
const renameComponent = (html: string, name: string) => html.replaceAll(`-${name} `, `-Zz${[...name].reverse().join('')} `);
const scan = (html: string) => scanPage(parseHtml(html));

describe('a failure survives the loss of one anchor family', () => {
  for (const [name, drift] of [
    ['test ids dropped', dropTestIds],
    ['test ids renamed', renameTestIds],
  ] as const) {
    it(`${name}: dm-new failure, its notice, and a readable chat`, () => {
      const s = scan(drift(fixtureHtml('dm-new-failed-e1-too-fast.html')));
      expect(s.unreadable).toBeNull();
      expect(s.observation.failures).toEqual({ total: 1, own: 1 });
      expect(s.observation.notice).toMatchObject({ causeId: 'sending-too-fast', source: 'send-fail-tip' });
    });
    it(`${name}: legacy failure and its notice`, () => {
      const s = scan(drift(fixtureHtml('legacy-failed-e3-privacy.html')));
      expect(s.unreadable).toBeNull();
      expect(s.observation.failures.total).toBe(1);
      expect(s.observation.notice).toMatchObject({ causeId: 'recipient-settings' });
    });
    it(`${name}: a healthy chat is seen and has nothing`, () => {
      const s = scan(drift(fixtureHtml('dm-new-healthy.html')));
      expect(s.unreadable).toBeNull();
      expect(s.observation.failures.total).toBe(0);
      expect(s.observation.notice).toBeNull();
    });
  }

  it('one component renamed (the warning slot): the test id still finds the failure', () => {
    const s = scan(renameComponent(fixtureHtml('dm-new-failed-e2-friends-only.html'), 'DivWarningContainer'));
    expect(s.unreadable).toBeNull();
    expect(s.observation.failures.total).toBe(1);
  });
});

describe('the notice wherever TikTok puts it', () => {
  /** Moves the notice out of the failed row into a bar under the chat header, with a renamed class. */
  function noticeUnderHeader(html: string, rename: boolean): string {
    const doc = parseHtml(html);
    const notice = doc.querySelector('[class*="DivNoticeContainer"]')!;
    const list = doc.querySelector('[data-e2e="dm-new-message-list"]')!;
    if (rename) for (const el of [notice, ...notice.querySelectorAll('*')]) el.className = el.className.replace(/--Div\w+/, '--DivBanner');
    list.before(notice);
    return `<!DOCTYPE html>${doc.documentElement.outerHTML}`;
  }

  it('a bar between the header and the message list (known class)', () => {
    const s = scan(noticeUnderHeader(fixtureHtml('dm-new-failed-e4-privacy.html'), false));
    expect(s.observation.notice).toMatchObject({ causeId: 'recipient-settings', source: 'send-fail-tip' });
  });

  it('the same bar with its class renamed, found by its place', () => {
    const s = scan(noticeUnderHeader(fixtureHtml('dm-new-failed-e4-privacy.html'), true));
    expect(s.observation.notice).toMatchObject({ causeId: 'recipient-settings', source: 'send-fail-tip' });
  });

  it('the element right after the failed row, its class renamed', () => {
    const html = renameComponent(renameComponent(fixtureHtml('legacy-failed-e6-suspended.html'), 'DivNoticeContainer'), 'DivSendFailTip');
    expect(scan(html).observation.notice).toMatchObject({ causeId: 'recipient-suspended' });
  });

  it("never takes a friend's bubble quoting a notice as the notice", () => {
    // e1's friend says "You are sending messages too fast. Take a rest." in a bubble; e2's own notice is another
    const html = renameComponent(
      renameComponent(fixtureHtml('dm-new-failed-e2-friends-only.html'), 'DivNoticeContainer'),
      'DivSendFailTip',
    );
    expect(scan(html).observation.notice).toMatchObject({ causeId: 'not-friends' });
  });
});

describe('saying so when the extension cannot see', () => {
  it('rows whose warning slots are not recognised: chat-unreadable, even with no failure visible', () => {
    const s = scan(renameComponent(dropTestIds(fixtureHtml('dm-new-failed-e1-too-fast.html')), 'DivWarningContainer'));
    expect(s.unreadable).toBe('chat-unreadable');
    expect(s.observation.failures.total).toBe(0);
  });

  it('a chat panel of a wholly new generation beside a known conversation list: chat-unreadable', () => {
    const doc = parseHtml(fixtureHtml('dm-new-failed-e1-too-fast.html'));
    const panel = doc.querySelector('[data-e2e="dm-new-chatbox"]')!;
    for (const el of [panel, ...panel.querySelectorAll('*')]) {
      el.removeAttribute('data-e2e');
      el.removeAttribute('data-area');
      el.setAttribute('class', `n${Math.random().toString(36).slice(2, 8)}`);
    }
    const s = scanPage(doc);
    expect(s.unreadable).toBe('chat-unreadable');
    expect(s.observation.notice).toBeNull();
  });

  it('nothing known at all: page-changed, no text read, no rate-limit page from a bubble', () => {
    const html = fixtureHtml('dm-new-failed-e1-too-fast.html')
      .replace(/ (data-e2e|data-area|data-conv-id|id)="[^"]*"/g, '')
      .replace(/class="[^"]*"/g, 'class="z"')
      .replace('MARKER-7f3a are you free tonight?', 'Too many requests');
    const s = scan(html);
    expect(s.unreadable).toBe('page-changed');
    expect(s.observation.page).toBe('unknown');
    expect(s.observation.notice).toBeNull();
  });

  it('a draft in an unrecognised composer is never read as a notice', () => {
    const html = fixtureHtml('dm-new-failed-no-notice.html').replace(
      /<div data-e2e="dm-new-chat-bottom"[\s\S]*?<\/div>\s*<\/div>\s*<\/div>\s*<\/main>/,
      '<div data-e2e="dm-new-chat-bottom"><div class="q"><div contenteditable="true">DRAFT-MARKER-7731 please</div></div></div></div></div></main>',
    );
    expect(html).toContain('DRAFT-MARKER-7731');
    const s = scan(html);
    expect(JSON.stringify(s.observation)).not.toContain('DRAFT-MARKER');
  });
});
