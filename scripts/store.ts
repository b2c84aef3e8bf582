// The store listing's pictures (docs/store/) and the welcome page's picture of the hint
// (public/welcome/), made from the built extension in Chromium on a styled TikTok-like page
// (tests/fixtures/styled/) with the test markers replaced by ordinary names. Run by `npm run demo`
// (after `npm run build`), or alone: `npm run store`. What each file is: docs/store/README.md.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchChromium, fixtureHtml, type ChromiumSession } from './browsers/chromium';
import { BUILD } from './browsers/paths';

const OUT = 'docs/store';
const WELCOME = 'public/welcome';
const CHAT = 'https://www.tiktok.com/messages?lang=en&u=7301948089581';

/** A styled fixture as a person would see it: names instead of markers, avatars as coloured discs. */
export function realistic(file: string): string {
  const swaps: [RegExp, string][] = [
    [/marker_7f3a_me/g, 'alex.rivera'],
    [/marker_7f3a_friend/g, 'maya.lee'],
    [/MARKER-7f3a Friend/g, 'Maya Lee'],
    [/Another MARKER-7f3a/g, 'Jordan'],
    [/MARKER-7f3a Cousin/g, 'Sam'],
    [/MARKER-7f3a Customer/g, 'Chris'],
    [/MARKER-7f3a Shop/g, 'Green Leaf Shop'],
    [/hey MARKER-7f3a, /g, 'hey! '],
    // the fixture's trap (TikTok's rate-limit sentence as a friend's message) reads oddly in a store picture
    [/You are sending messages too fast\. Take a rest\./g, 'sure! what time?'],
    [/,? ?MARKER-7f3a ?/g, ' '],
  ];
  let html = fixtureHtml(`styled/${file}`);
  for (const [from, to] of swaps) html = html.replace(from, to);
  const avatars =
    '[class*="-SpanAvatarContainer"] img{visibility:hidden}[class*="-SpanAvatarContainer"]{background:linear-gradient(135deg,#25f4ee,#fe2c55)}';
  return html.replace('</head>', `<style>${avatars}</style></head>`);
}

const png = (path: string) => `data:image/png;base64,${readFileSync(path).toString('base64')}`;

async function chatWithHint(s: ChromiumSession): Promise<Page> {
  s.serve(CHAT, realistic('dm-new-failed-e2.html'));
  const page = await s.open(CHAT);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.waitForSelector('dm-doctor-hint[data-settled="true"]', { timeout: 15_000 });
  await page.waitForFunction(() => getComputedStyle(document.querySelector('dm-doctor-hint')!).visibility === 'visible');
  return page;
}

async function shots(lang: 'en' | 'fr'): Promise<void> {
  const s = await launchChromium({ extensionDir: BUILD.chrome, locale: lang === 'fr' ? 'fr' : undefined });
  try {
    const chat = await chatWithHint(s);
    const chatPng = `${OUT}/screenshot-1-hint-${lang}.png`;
    await chat.screenshot({ path: chatPng });
    // the welcome page's picture: the hint with the failed message beside it
    const hint = (await chat.locator('dm-doctor-hint').boundingBox())!;
    const x = Math.max(0, Math.min(1280 - 640, hint.x - 120));
    const y = Math.max(0, Math.min(800 - 360, hint.y - 120));
    await chat.screenshot({ path: `${WELCOME}/hint-${lang}.png`, clip: { x, y, width: 640, height: 360 } });
    // the popup beside the chat, as it opens from the toolbar
    const popup = await s.context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(`chrome-extension://${s.extensionId}/popup.html?tab=${await s.tabId(chat)}`);
    await popup.waitForSelector('[data-testid="popup"][data-settled="true"]', { timeout: 20_000 });
    const popupPng = `${OUT}/.popup-${lang}.png`;
    await popup.screenshot({ path: popupPng });
    const canvas = await s.context.newPage();
    await canvas.setViewportSize({ width: 1280, height: 800 });
    await canvas.setContent(`<body style="margin:0;position:relative;width:1280px;height:800px;overflow:hidden">
      <img src="${png(chatPng)}" style="position:absolute;inset:0;filter:brightness(.85)">
      <img src="${png(popupPng)}" style="position:absolute;top:8px;right:16px;width:400px;height:600px;border-radius:8px;box-shadow:0 8px 32px rgba(0,0,0,.35)">
    </body>`);
    await canvas.screenshot({ path: `${OUT}/screenshot-2-popup-${lang}.png` });
    console.log(`store screenshots (${lang}) written to ${OUT}/`);
  } finally {
    await s.close();
  }
}

async function artwork(): Promise<void> {
  const s = await launchChromium({ extensionDir: BUILD.chrome });
  try {
    const page = await s.context.newPage();
    // the store icon: 128×128 with the 96×96 art centred (16 px transparent padding on every side)
    await page.setViewportSize({ width: 128, height: 128 });
    await page.setContent(
      `<body style="margin:0;background:transparent"><img src="${png('public/icon/128.png')}" style="display:block;margin:16px;width:96px;height:96px"></body>`,
    );
    await page.screenshot({ path: `${OUT}/icon-128.png`, omitBackground: true });
    // the small promo tile, 440×280
    await page.setViewportSize({ width: 440, height: 280 });
    await page.setContent(`<body style="margin:0;width:440px;height:280px;display:flex;align-items:center;gap:20px;padding:0 28px;box-sizing:border-box;background:linear-gradient(135deg,#161823,#2b2d3a);color:#fff;font:600 16px/1.35 system-ui,sans-serif">
      <img src="${png('public/icon/128.png')}" style="width:96px;height:96px;flex:none">
      <div><div style="font-size:30px;font-weight:800">DM Doctor</div><div style="margin-top:8px;color:#e3e3e8">Why didn't my TikTok message send? The answer, and the fix, in one click.</div></div>
    </body>`);
    await page.screenshot({ path: `${OUT}/tile-440x280.png` });
  } finally {
    await s.close();
  }
}

mkdirSync(OUT, { recursive: true });
mkdirSync(WELCOME, { recursive: true });
await shots('en');
await shots('fr');
await artwork();
writeFileSync(`${OUT}/.gitignore`, '.popup-*.png\n');
