// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { redactText, redactUrl } from '../../../src/tiktok/redact';
import { whereOf } from '../../../src/tiktok/routes';
import { redactedReport } from '../../../src/background/tab-events';
import { buildReport } from '../../../src/diagnosis/report';

// The one redactor (DESIGN.md, privacy): every stored or reported URL and text goes through it.

describe('redactUrl', () => {
  it('keeps host + path, drops scheme, query and fragment', () => {
    expect(redactUrl('https://im-api.tiktok.com/v1/message/send?aid=1988&msToken=MARKER-7f3a#frag')).toBe(
      'im-api.tiktok.com/v1/message/send',
    );
    expect(redactUrl('wss://im-ws.tiktok.com/ws/v2?access_key=0123456789abcdef0123456789abcdef')).toBe('im-ws.tiktok.com/ws/v2');
    expect(redactUrl('https://www.tiktok.com/messages?lang=en&u=6812345678901234567')).toBe('www.tiktok.com/messages');
    expect(redactUrl('https://www.tiktok.com/')).toBe('www.tiktok.com/');
    expect(redactUrl('https://www.tiktok.com:8443/x')).toBe('www.tiktok.com:8443/x');
  });

  it('replaces @handles and id-like segments', () => {
    expect(redactUrl('https://www.tiktok.com/@MARKER-7f3a/video/7234567890123456789?is_from_webapp=1')).toBe(
      'www.tiktok.com/@[handle]/video/[id]',
    );
    expect(redactUrl('https://www.tiktok.com/%40someone.name')).toBe('www.tiktok.com/@[handle]');
    expect(redactUrl('https://www.tiktok.com/api/user/12345/detail')).toBe('www.tiktok.com/api/user/[id]/detail');
    expect(redactUrl('https://www.tiktok.com/api/x/1234/y')).toBe('www.tiktok.com/api/x/1234/y'); // < 5 digits stays
    expect(redactUrl('https://www.tiktok.com/c/123e4567-e89b-12d3-a456-426614174000')).toBe('www.tiktok.com/c/[id]');
    expect(redactUrl('https://www.tiktok.com/c/0123456789abcdef0123')).toBe('www.tiktok.com/c/[id]');
    expect(redactUrl('https://www.tiktok.com/t/AbCdEfGhIjKlMnOpQrStUvWx9z/')).toBe('www.tiktok.com/t/[code]/');
    expect(redactUrl('https://im-api.tiktok.com/v3/conversation/mark_read')).toBe('im-api.tiktok.com/v3/conversation/mark_read');
  });

  it('drops user-info', () => {
    expect(redactUrl('https://MARKER-7f3a:secret@www.tiktok.com/messages')).toBe('www.tiktok.com/messages');
  });

  it('never lets a marker in the query, fragment, handle or user-info survive', () => {
    const urls = [
      'https://www.tiktok.com/messages?u=MARKER-7f3a',
      'https://www.tiktok.com/messages#MARKER-7f3a',
      'https://www.tiktok.com/@MARKER-7f3a',
      'https://www.tiktok.com/%40MARKER-7f3a/live',
      'https://MARKER-7f3a@www.tiktok.com/',
      'data:text/plain,MARKER-7f3a',
      'MARKER-7f3a',
    ];
    for (const url of urls) expect(redactUrl(url)).not.toContain('MARKER');
  });

  it('returns [invalid-url] for bad or non-network URLs, never throws', () => {
    for (const bad of ['', 'not a url', 'http://', 'data:text/plain,hi', 'blob:https://www.tiktok.com/abc', 'javascript:alert(1)']) {
      expect(redactUrl(bad)).toBe('[invalid-url]');
    }
    expect(redactUrl(undefined as unknown as string)).toBe('[invalid-url]');
    expect(redactUrl('https://www.tiktok.com/%E0%A4%A/x')).toBe('www.tiktok.com/%E0%A4%A/x'); // malformed escape
  });

  it('caps the length', () => {
    expect(redactUrl(`https://www.tiktok.com/${'a/'.repeat(300)}`).length).toBeLessThanOrEqual(200);
  });
});

describe('redactText: the former report rules still hold', () => {
  it.each([
    ['www.tiktok.com/@marker_7f3a', 'www.tiktok.com/@[handle]'],
    ['www.tiktok.com/@some.one-else/video/7301948089581', 'www.tiktok.com/@[handle]/video/[id]'],
    ['im-api.tiktok.com/v1/message/send?aid=1988&msToken=MARKER-7f3a', 'im-api.tiktok.com/v1/message/send'],
    ['www.tiktok.com/messages#MARKER-7f3a', 'www.tiktok.com/messages'],
    ['www.tiktok.com/api/user/6655443322/', 'www.tiktok.com/api/user/[id]/'],
    ['www.tiktok.com/v2/1988/ok', 'www.tiktok.com/v2/1988/ok'],
  ])('%s → %s', (raw, out) => {
    expect(redactText(raw)).toBe(out);
  });
});

describe('redactUrl: the strongest rules of the three former redactors', () => {
  it.each([
    // numeric ids (5+ digits), alone or inside a slug
    ['https://www.tiktok.com/@maker/video/7301948089581', 'www.tiktok.com/@[handle]/video/[id]'],
    ['https://www.tiktok.com/music/original-sound-7234567890123456789', 'www.tiktok.com/music/[term]'],
    ['https://www.tiktok.com/api/im/conversation/0:1:6812345678901234567:7012345678901234567', 'www.tiktok.com/api/im/conversation/[id]'],
    // UUIDs, with and without dashes, any case
    ['https://www.tiktok.com/business-suite/c/123E4567-E89B-12D3-A456-426614174000/x', 'www.tiktok.com/business-suite/c/[id]/x'],
    ['https://www.tiktok.com/c/123e4567e89b12d3a456426614174000', 'www.tiktok.com/c/[id]'],
    // hex tokens of 16+ (not shorter: a 15-char hex word is kept)
    ['https://im-ws.tiktok.com/ws/deadbeefdeadbeef', 'im-ws.tiktok.com/ws/[id]'],
    ['https://im-ws.tiktok.com/ws/deadbeefdeadbee', 'im-ws.tiktok.com/ws/deadbeefdeadbee'],
    // short-link codes
    ['https://vm.tiktok.com/ZMabcDEF/', 'vm.tiktok.com/[code]/'],
    ['https://vt.tiktok.com/ZSxyz12/', 'vt.tiktok.com/[code]/'],
    ['https://www.tiktok.com/t/ZTRabc12/', 'www.tiktok.com/t/[code]/'],
    // search, discover and tag terms
    ['https://www.tiktok.com/search?q=marker%20person&t=1700000000000', 'www.tiktok.com/search'],
    ['https://www.tiktok.com/search/user?q=someone', 'www.tiktok.com/search/user'],
    ['https://www.tiktok.com/search/my%20secret%20crush', 'www.tiktok.com/search/[term]'],
    ['https://www.tiktok.com/discover/how-to-find-my-ex', 'www.tiktok.com/discover/[term]'],
    ['https://www.tiktok.com/tag/personalthing', 'www.tiktok.com/tag/[term]'],
    ['https://www.tiktok.com/place/Some-Cafe', 'www.tiktok.com/place/[term]'],
    // handles anywhere in a segment, encoded or not
    ['https://www.tiktok.com/embed/@someone', 'www.tiktok.com/embed/@[handle]'],
    ['https://www.tiktok.com/share%40someone', 'www.tiktok.com/@[handle]'],
    // the paths that matter stay readable
    ['https://www.tiktok.com/messages?lang=en&u=7301948089581', 'www.tiktok.com/messages'],
    ['https://www.tiktok.com/business-suite/messages?scene=business', 'www.tiktok.com/business-suite/messages'],
    ['https://im-api.tiktok.com/v1/message/send', 'im-api.tiktok.com/v1/message/send'],
  ])('%s → %s', (raw, out) => {
    expect(redactUrl(raw)).toBe(out);
  });

  it('accepts an already reduced host/path (what evidence keeps) and is idempotent', () => {
    for (const url of [
      'https://www.tiktok.com/@a/video/7301948089581',
      'https://vm.tiktok.com/ZMabc/',
      'https://www.tiktok.com/tag/x',
      'https://www.tiktok.com:8443/search/abc',
    ]) {
      const once = redactUrl(url);
      expect(redactUrl(once)).toBe(once);
    }
    expect(redactUrl('www.tiktok.com/@someone/video/7301948089581?x=1')).toBe('www.tiktok.com/@[handle]/video/[id]');
    expect(redactUrl('MARKER-7f3a')).toBe('[invalid-url]'); // a bare word is not a host
  });

  it('is what whereOf (the content script) and the network evidence use', () => {
    const url = 'https://vm.tiktok.com/ZMabcDEF/?u=1';
    expect(whereOf(url)).toBe(redactUrl(url));
    expect(whereOf('https://www.tiktok.com/discover/term')).toBe('www.tiktok.com/discover/[term]');
  });
});

describe('redactText: kept notice text', () => {
  it.each([
    ['You cannot message @marker_7f3a right now', 'You cannot message @[handle] right now'],
    ['@someone.name-x restricted who can message them', '@[handle] restricted who can message them'],
    ['Error 7301948089581: try again', 'Error [id]: try again'],
    ['code12345 and 1234 stay apart', 'code[id] and 1234 stay apart'],
    ['Call +33 6 12 34 56 78 for help', 'Call [id] for help'],
    ['Write to someone@example.com', 'Write to [email]'],
    ['See https://www.tiktok.com/@someone/video/7301948089581?lang=en for more', 'See www.tiktok.com/@[handle]/video/[id] for more'],
    ['See www.tiktok.com/t/ZTRabc12/ now', 'See www.tiktok.com/t/[code]/ now'],
    ['You are sending messages too fast. Take a rest.', 'You are sending messages too fast. Take a rest.'],
    ['Réessayez dans 10 min. Erreur 404.', 'Réessayez dans 10 min. Erreur 404.'],
  ])('%s → %s', (raw, out) => {
    expect(redactText(raw)).toBe(out);
  });

  it('keeps at most 200 characters, after redaction', () => {
    expect(redactText('a'.repeat(500))).toHaveLength(200);
    expect(redactText(`${'x'.repeat(195)} @someone`)).toBe(`${'x'.repeat(195)} @[ha`);
    expect(redactText(undefined as unknown as string)).toBe('');
  });

  it('is idempotent', () => {
    const once = redactText('Hi @x 1234567 https://vm.tiktok.com/ZMa/ a@b.co');
    expect(redactText(once)).toBe(once);
  });
});

describe('the background redacts a page report before storing it, and the report redacts again', () => {
  const report = (where: string, text: string) => ({
    where,
    topFrame: true,
    onMessages: true,
    recognition: 'recognized' as const,
    reason: null,
    failureId: null,
    fresh: true,
    cleared: false,
    failureAt: null,
    seq: 1,
    pageId: 'p',
    observation: {
      generation: 'unknown' as const,
      page: 'inbox' as const,
      chatOpen: true,
      composer: 'present' as const,
      failures: { total: 1, own: 1 },
      unsupportedMessage: false,
      notice: { text, causeId: null, lang: null, source: 'toast' as const },
    },
  });
  it('a content script that sends a handle and an id gets neither stored', () => {
    const r = redactedReport(report('www.tiktok.com/@marker_7f3a/video/7301948089581', 'Message to @marker_7f3a (7301948089581) failed'));
    expect(r.where).toBe('www.tiktok.com/@[handle]/video/[id]');
    expect(r.observation?.notice?.text).toBe('Message to @[handle] ([id]) failed');
  });
  it('the copyable report redacts the notice and URLs it is given', () => {
    const text = buildReport({
      state: 'problem',
      page: null,
      at: 0,
      browser: 'chrome',
      browserVersion: '1',
      version: '0',
      checks: [],
      diagnosis: {
        problem: true,
        ranked: [],
        evidence: [],
        notice: 'Message to @marker_7f3a 7301948089581',
        earlier: false,
        question: null,
        at: 0,
      },
      net: [{ t: 0, role: 'www', kind: 'error', url: 'https://www.tiktok.com/@marker_7f3a/video/7301948089581?q=1' } as never],
    });
    expect(text).not.toMatch(/marker_7f3a|7301948089581/);
    expect(text).toContain('Message to @[handle] [id]');
  });
});
