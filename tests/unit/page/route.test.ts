// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isMessagesRoute, whereOf } from '../../../src/page/route';

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
