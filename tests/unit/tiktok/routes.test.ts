// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isBusinessInboxRoute, isInboxRoute, isMessagesRoute, whereOf } from '../../../src/tiktok/routes';

// Runs in plain node: the background worker has no `Location` either.
describe('route', () => {
  it('recognises /messages with or without a query, and nothing else', () => {
    expect(isMessagesRoute('https://www.tiktok.com/messages')).toBe(true);
    expect(isMessagesRoute('https://www.tiktok.com/messages?lang=en&u=1')).toBe(true);
    expect(isMessagesRoute(new URL('https://www.tiktok.com/messages/'))).toBe(true);
    expect(isMessagesRoute('https://www.tiktok.com/messagesfoo')).toBe(false);
    expect(isMessagesRoute('https://www.tiktok.com/foryou')).toBe(false);
    expect(isMessagesRoute('https://example.com/messages')).toBe(false);
    expect(isMessagesRoute('not a url')).toBe(false);
  });
  it('keeps host and path only, redacting handles and ids', () => {
    expect(whereOf('https://www.tiktok.com/@someone/video/7301948089581?x=MARKER#y')).toBe('www.tiktok.com/@[handle]/video/[id]');
  });
});

describe('whereOf: encoded handles', () => {
  it('redacts percent-encoded @handles too', () => {
    expect(whereOf('https://www.tiktok.com/%40marker_7f3a/video/7301948089581')).toBe('www.tiktok.com/@[handle]/video/[id]');
    expect(whereOf('https://www.tiktok.com/%E0%A4%A/x')).toBe('www.tiktok.com/%E0%A4%A/x');
  });
});

describe('business inbox route', () => {
  it('knows /business-suite/messages (with its query) as an inbox whose own document is only a host', () => {
    for (const url of [
      'https://www.tiktok.com/business-suite/messages',
      'https://www.tiktok.com/business-suite/messages?from=homepage&lang=en&u=7301948089581',
    ]) {
      expect(isBusinessInboxRoute(url)).toBe(true);
      expect(isInboxRoute(url)).toBe(true);
      expect(isMessagesRoute(url)).toBe(false);
    }
  });
  it('the business chat iframe is a /messages document; other business-suite pages are not an inbox', () => {
    const frame = 'https://www.tiktok.com/messages?allow_label=true&lang=en&scene=business&u=7301948089581';
    expect(isMessagesRoute(frame)).toBe(true);
    expect(isInboxRoute(frame)).toBe(true);
    expect(isBusinessInboxRoute(frame)).toBe(false);
    for (const url of [
      'https://www.tiktok.com/business-suite/home',
      'https://www.tiktok.com/business-suite/messagesx',
      'https://www.tiktok.com/business-suite',
      'https://example.com/business-suite/messages',
    ]) {
      expect(isInboxRoute(url), url).toBe(false);
    }
  });
});
