import { describe, it, expect } from 'vitest';
import { hostRole } from '../../../src/network/hosts';

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
