import { describe, expect, it, vi } from 'vitest';
import { chatHandle, chatPanel, composerArea, failedRows, isOwnRow, scanPage } from '../../../src/page/read-page';
import { anyOf, SELECTORS } from '../../../src/page/selectors';

const messageRows = (doc: Document): Element[] => Array.from(doc.querySelectorAll(anyOf(SELECTORS.messageRow)));
import { FIXTURES } from '../../fixtures/index';
import { fixtureHtml, loadFixture, parseHtml } from './load-fixture';

const FAIL_SVG = '<svg viewBox="0 0 48 48"><path d="M0 0"></path></svg>';

/** A dm-new chat whose latest own row failed with the given tip markup. */
function chatWithTip(tipHtml: string): Document {
  return parseHtml(`<!DOCTYPE html><html><head><title>Messages | TikTok</title></head><body><div id="app">
    <div data-e2e="dm-new-chatbox"><div data-e2e="dm-new-message-list">
      <div data-e2e="dm-new-chat-item"><div data-area="Actions" style="display:flex;flex-direction:row-reverse">
        <div class="css-1-7937d88b--DivTextContainer e1"><p>hi</p></div>
        <div data-e2e="dm-warning">${FAIL_SVG}</div></div>
        <div class="css-a-7937d88b--DivNoticeContainer e0"><div class="css-b-7937d88b--DivSendFailTip e1">${tipHtml}</div></div>
      </div>
    </div></div></div></body></html>`);
}

function readAll(doc: Document): void {
  scanPage(doc).observation;
  failedRows(doc);
  messageRows(doc);
  chatPanel(doc);
  composerArea(doc);
  chatHandle(doc);
  for (const row of messageRows(doc)) isOwnRow(row);
}

describe('hostile notice texts', () => {
  it('markup inside a notice comes back as plain text, never as elements', () => {
    const doc = chatWithTip('&lt;img src=x onerror=alert(1)&gt; You are sending messages too fast.');
    const notice = scanPage(doc).observation.notice;
    expect(notice).toEqual({
      text: '<img src=x onerror=alert(1)> You are sending messages too fast.',
      causeId: null,
      lang: null,
      source: 'send-fail-tip',
    });
  });

  it('a real <img> element inside a notice contributes nothing but its text', () => {
    const doc = chatWithTip('<img src="x" onerror="alert(1)">Only friends can send messages to each other');
    expect(scanPage(doc).observation.notice).toEqual({
      text: 'Only friends can send messages to each other',
      causeId: 'not-friends',
      lang: 'en',
      source: 'send-fail-tip',
    });
  });

  it('a 10 KB notice is cut to 200 characters of collapsed text', () => {
    const long = `Chat messages limit reached. You will not be able to send messages to this user.   ${'abc\n\t '.repeat(2000)}`;
    const notice = scanPage(chatWithTip(long)).observation.notice!;
    expect(notice.text).toHaveLength(200);
    expect(notice.text).not.toMatch(/\s{2}|\n|\t/);
    expect(notice.causeId).toBe('chat-limit');
  });

  it('never splits a surrogate pair at the cut', () => {
    const notice = scanPage(chatWithTip(`${'x'.repeat(199)}😀😀`)).observation.notice!;
    expect(notice.text).toBe('x'.repeat(199));
  });

  it('ignores notices inside <noscript> and <template> and page JSON', () => {
    const doc = parseHtml(`<html><body>
      <div data-e2e="dm-new-chatbox"><div data-e2e="dm-new-message-list"></div></div>
      <noscript><div class="x--DivSendFailTip">You are sending messages too fast. Take a rest.</div></noscript>
      <template><div class="x--DivSendFailTip">Only friends can send messages to each other</div></template>
      <script type="application/json">{"t":"<div class=\\"x--DivSendFailTip\\">Too many requests</div>"}</script>
      <script>document.write('You are visiting too fast')</script></body></html>`);
    expect(scanPage(doc).observation.notice).toBeNull();
    expect(scanPage(doc).observation.page).toBe('inbox');
  });

  it("a stranger's name in the request box is never read", () => {
    const observation = scanPage(loadFixture('legacy-request-box.html')).observation;
    expect(observation.composer).toBe('request-box');
    expect(observation.notice).toBeNull();
  });
});

describe('failure markers', () => {
  it('a warning slot with text (no svg) is a failure, with the text as notice', () => {
    const doc = parseHtml(`<body><div data-e2e="dm-new-message-list"><div data-e2e="dm-new-chat-item">
      <div data-e2e="dm-warning">Failed</div></div><div data-e2e="dm-new-chat-item"><div data-e2e="dm-warning">  </div></div></div></body>`);
    expect(failedRows(doc)).toHaveLength(1);
    expect(scanPage(doc).observation.notice).toEqual({ text: 'Failed', causeId: null, lang: null, source: 'dm-warning' });
  });

  // Budgets are measured by `npm run bench`, never by timed unit tests: here the work is counted.
  it('thousands of failed rows: correct count, computed style only on failed rows', () => {
    const rows = Array.from(
      { length: 3000 },
      (_, i) =>
        `<div data-e2e="dm-new-chat-item"><div data-area="Actions"${i % 2 ? ' style="flex-direction:row-reverse"' : ''}><div class="x--DivTextContainer"><p>m${i}</p></div><div data-e2e="dm-warning">${i % 3 === 0 ? FAIL_SVG : ''}</div></div></div>`,
    ).join('');
    const doc = parseHtml(`<body><div data-e2e="dm-new-chatbox"><div data-e2e="dm-new-message-list">${rows}</div></div></body>`);
    const view = doc.defaultView!;
    const computed = vi.spyOn(view, 'getComputedStyle');
    const observation = scanPage(doc).observation;
    expect(observation.failures).toEqual({ total: 1000, own: 500 });
    expect(failedRows(doc)).toHaveLength(1000);
    // rows with an inline row-reverse need no computed style; the others are failed rows only
    expect(computed.mock.calls.length).toBeLessThanOrEqual(500);
  });

  it('5000 healthy rows: nothing failed, no computed style at all', () => {
    const rows = Array.from(
      { length: 5000 },
      (_, i) =>
        `<div data-e2e="dm-new-chat-item"><div data-area="Actions"><div class="x--DivTextContainer"><p>m${i}</p></div><div data-e2e="dm-warning"></div></div></div>`,
    ).join('');
    const doc = parseHtml(`<body><div data-e2e="dm-new-chatbox"><div data-e2e="dm-new-message-list">${rows}</div></div></body>`);
    const computed = vi.spyOn(doc.defaultView!, 'getComputedStyle');
    const observation = scanPage(doc).observation;
    expect(observation.failures).toEqual({ total: 0, own: 0 });
    expect(observation.unsupportedMessage).toBe(false);
    expect(computed).not.toHaveBeenCalled();
  });
});

describe('damaged pages never throw', () => {
  const cases: Record<string, string> = {
    empty: '',
    'no body': '<html><head><title>x</title></head></html>',
    'text only': 'You are visiting too fast',
    'slot without row': '<body><div data-e2e="dm-warning"><svg></svg></div></body>',
    'row without slot': '<body><div data-e2e="dm-new-chat-item"><svg></svg></div></body>',
    'composer without chat': '<body><div data-e2e="message-input-area"></div></body>',
    'handle only': '<body><p data-e2e="chat-uniqueid">@</p></body>',
    'bottom bar, no editor, no text': '<body><div data-e2e="dm-new-chatbox"><div data-e2e="dm-new-chat-bottom"></div></div></body>',
    'bottom bar with unknown note':
      '<body><div data-e2e="dm-new-chatbox"><div data-e2e="dm-new-chat-bottom"><p>You cannot reply to this conversation</p></div></div></body>',
    'tip without failure':
      '<body><div data-e2e="dm-new-chatbox"><div class="a--DivSendFailTip">Only friends can send messages to each other</div></div></body>',
    'deep nesting': `<body>${'<div>'.repeat(3000)}<div data-e2e="dm-warning"><svg></svg></div>${'</div>'.repeat(3000)}</body>`,
    'odd avatar links':
      '<body><a data-e2e="nav-profile" href="::::"></a><div data-e2e="chat-item"><a data-e2e="chat-avatar"></a><div data-e2e="dm-warning"><svg></svg></div></div></body>',
  };
  for (const [name, html] of Object.entries(cases)) {
    it(name, () => {
      const doc = parseHtml(html);
      expect(() => readAll(doc)).not.toThrow();
      const observation = scanPage(doc).observation;
      expect(['dm-new', 'legacy', 'unknown']).toContain(observation.generation);
    });
  }

  it('a shared landmark alone is an inbox of unknown generation', () => {
    expect(scanPage(parseHtml(cases['composer without chat']!)).observation).toMatchObject({
      generation: 'unknown',
      page: 'inbox',
      chatOpen: true,
      composer: 'missing',
    });
    expect(scanPage(parseHtml(cases['bottom bar with unknown note']!)).observation).toMatchObject({
      composer: 'missing',
      notice: { text: 'You cannot reply to this conversation', causeId: null, lang: null, source: 'composer' },
    });
    expect(scanPage(parseHtml(cases['text only']!)).observation).toMatchObject({ page: 'rate-limited' });
  });

  it('a document whose methods throw reads as unknown', () => {
    const broken = {
      querySelector() {
        throw new Error('boom');
      },
      querySelectorAll() {
        throw new Error('boom');
      },
    } as unknown as Document;
    expect(scanPage(broken).observation).toEqual({
      generation: 'unknown',
      page: 'unknown',
      chatOpen: false,
      composer: 'no-chat',
      failures: { total: 0, own: 0 },
      notice: null,
      unsupportedMessage: false,
    });
    expect(failedRows(broken)).toEqual([]);
    expect(chatPanel(broken)).toBeNull();
    expect(composerArea(broken)).toBeNull();
    expect(chatHandle(broken)).toBeNull();
  });

  it('every fixture with half its landmarks removed still reads', () => {
    for (const fixture of FIXTURES) {
      const doc = parseHtml(fixtureHtml(fixture.file));
      const all = Array.from(doc.querySelectorAll('[data-e2e], [class*="--Div"], [class*="-Div"]'));
      all.forEach((el, i) => {
        if (i % 2 === 0) el.remove();
      });
      expect(() => readAll(doc), fixture.file).not.toThrow();
    }
  });
});
