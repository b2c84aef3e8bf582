import { describe, expect, it } from 'vitest';
import { isTikTokFrame, isTikTokHost, isTikTokUrl, isTikTokWhere, tiktokPath } from '../../../src/tiktok/urls';

describe('"is this TikTok", written once', () => {
  it('tiktok.com and its subdomains, never look-alikes', () => {
    for (const h of ['tiktok.com', 'www.tiktok.com', 'im-api.tiktok.com', 'WWW.TIKTOK.COM']) expect(isTikTokHost(h), h).toBe(true);
    for (const h of ['eviltiktok.com', 'tiktok.com.evil.net', 'tiktok.co', 'tiktokv.com', '']) expect(isTikTokHost(h), h).toBe(false);
  });
  it('http(s) pages only; anything unparsable is not TikTok', () => {
    expect(isTikTokUrl('https://www.tiktok.com/messages?u=1')).toBe(true);
    expect(isTikTokUrl('http://www.tiktok.com/')).toBe(true);
    for (const u of ['wss://im-ws.tiktok.com/', 'chrome://extensions', 'https://eviltiktok.com/', 'not a url', undefined])
      expect(isTikTokUrl(u), String(u)).toBe(false);
    expect(tiktokPath('https://www.tiktok.com/business-suite/messages?x=1')).toBe('/business-suite/messages');
    expect(tiktokPath('https://example.com/messages')).toBeNull();
  });
  it('a redacted location (host + path) reads the same way', () => {
    expect(isTikTokWhere('www.tiktok.com/messages')).toBe(true);
    expect(isTikTokWhere('example.com/www.tiktok.com')).toBe(false);
    expect(isTikTokWhere(null)).toBe(false);
    expect(isTikTokWhere('')).toBe(false);
  });
  it('content messages come only from https://www.tiktok.com, without credentials', () => {
    expect(isTikTokFrame('https://www.tiktok.com/messages')).toBe(true);
    for (const u of [
      'http://www.tiktok.com/messages',
      'https://m.tiktok.com/',
      'https://a:b@www.tiktok.com/',
      'https://www.tiktok.com.evil.net/',
      undefined,
    ])
      expect(isTikTokFrame(u), String(u)).toBe(false);
  });
});
