import { describe, it, expect } from 'vitest';
import { hostRole, redactUrl } from '../../../src/network/hosts';

describe('hostRole', () => {
  it.each([
    ['https://im-api.tiktok.com/v1/message/send?aid=1988', 'im-api'],
    ['https://im-api-sg.tiktok.com/v2/message/get_by_user_init', 'im-api'],
    ['https://im-api.us.tiktok.com/v1/conversation/get_list', 'im-api'],
    ['https://im-api-va.tiktok.com/', 'im-api'],
    ['wss://im-ws.tiktok.com/ws/v2?fpid=1&access_key=abc', 'im-ws'],
    ['https://im-ws.tiktok.com/ws/v2', 'im-ws'],
    ['https://www.tiktok.com/messages?lang=en&u=123456', 'www'],
    ['https://www.tiktok.com/login?redirect_url=/messages', 'www'],
    ['https://WWW.TikTok.com./foryou', 'www'],
    ['https://tiktok.com/messages', 'www'],
    ['https://www.tiktok.com/api/im/spotlight/relation/', 'www-api'],
    ['https://www.tiktok.com/passport/token/beat/web/', 'www-api'],
    ['https://www.tiktok.com/aweme/v1/report/inbox/notice/', 'www-api'],
    ['https://www.tiktok.com/api', 'www-api'],
    ['https://www.tiktok.com/apiary', 'www'],
    ['https://m.tiktok.com/', 'other-tiktok'],
    ['https://vm.tiktok.com/ZMabc/', 'other-tiktok'],
  ] as const)('%s → %s', (url, role) => {
    expect(hostRole(url)).toBe(role);
  });

  it.each([
    'https://mcs.tiktokv.us/v1/list',
    'https://mcs.tiktokw.us/v1/list',
    'https://mon16-normal-useast5.tiktokv.us/monitor_browser/collect/batch/',
    'https://mssdk.tiktokw.us/web/report',
    'https://mssdk-va.tiktok.com/web/report',
    'https://verification.tiktokw.us/captcha/get',
    'https://verification-va.tiktok.com/captcha/get',
    'https://mcs-sg.tiktokw.eu/v1/list',
    'https://libraweb-no1a.tiktokw.eu/x',
    'https://webcast.tiktok.com/webcast/room/enter/',
    'https://webcast16-normal-c-useast1a.tiktok.com/webcast/im/fetch/',
    'wss://frontier.tiktokv.com/ws/v2',
    'https://frontier-va.tiktokv.us/ws',
    'https://lf16-tiktok-web.tiktokcdn-us.com/obj/main.js',
    'https://p16-sign-va.tiktokcdn.com/avatar.jpeg',
    'https://sf16-website-login.neutral.ttwstatic.com/obj/x.js',
    'https://v16-webapp-prime.tiktok.com/video/tos/x',
    'https://lf16-cdn-tos.tiktok.com/obj/x.js',
  ])('%s is ignored', (url) => {
    expect(hostRole(url)).toBe('ignored');
  });

  it.each([
    'https://example.com/',
    'https://eviltiktok.com/messages',
    'https://tiktok.com.evil.example/messages',
    'https://www.google.com/search?q=tiktok.com',
    'not a url',
    '',
  ])('%s is not TikTok', (url) => {
    expect(hostRole(url)).toBeNull();
  });
});

describe('redactUrl', () => {
  it('keeps host + path, drops scheme, query and fragment', () => {
    expect(redactUrl('https://im-api.tiktok.com/v1/message/send?aid=1988&msToken=MARKER-7f3a#frag'))
      .toBe('im-api.tiktok.com/v1/message/send');
    expect(redactUrl('wss://im-ws.tiktok.com/ws/v2?access_key=0123456789abcdef0123456789abcdef'))
      .toBe('im-ws.tiktok.com/ws/v2');
    expect(redactUrl('https://www.tiktok.com/messages?lang=en&u=6812345678901234567')).toBe('www.tiktok.com/messages');
    expect(redactUrl('https://www.tiktok.com/')).toBe('www.tiktok.com/');
    expect(redactUrl('https://www.tiktok.com:8443/x')).toBe('www.tiktok.com:8443/x');
  });

  it('replaces @handles and id-like segments', () => {
    expect(redactUrl('https://www.tiktok.com/@MARKER-7f3a/video/7234567890123456789?is_from_webapp=1'))
      .toBe('www.tiktok.com/@[handle]/video/[id]');
    expect(redactUrl('https://www.tiktok.com/%40someone.name')).toBe('www.tiktok.com/@[handle]');
    expect(redactUrl('https://www.tiktok.com/api/user/12345/detail')).toBe('www.tiktok.com/api/user/[id]/detail');
    expect(redactUrl('https://www.tiktok.com/api/x/1234/y')).toBe('www.tiktok.com/api/x/1234/y'); // < 5 digits stays
    expect(redactUrl('https://www.tiktok.com/c/123e4567-e89b-12d3-a456-426614174000')).toBe('www.tiktok.com/c/[id]');
    expect(redactUrl('https://www.tiktok.com/c/0123456789abcdef0123')).toBe('www.tiktok.com/c/[id]');
    expect(redactUrl('https://www.tiktok.com/t/AbCdEfGhIjKlMnOpQrStUvWx9z/')).toBe('www.tiktok.com/t/[id]/');
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
