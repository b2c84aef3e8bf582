import { defineConfig } from 'wxt';
import { mergeLocales } from './scripts/locales';
import { EXTERNAL_CHECK_ORIGINS } from './src/checks/external-origins';
import { hintPlan } from './src/causes/hint-plan';
import { hintPlanKey } from './src/causes/hint-words';
import { CAUSE_IDS } from './src/contracts/cause-ids';
import { isLang } from './src/i18n/langs';

const TIKTOK_HOSTS = ['*://*.tiktok.com/*', 'wss://*.tiktok.com/*'];
// Extension pages and the background (DESIGN.md, trust boundary): scripts and styles from the
// package only, images from the package (and data: URLs), connections to TikTok (https, the IM
// socket, the plain-http portal probe) and the consented external origins, nothing else.
const CSP = [
  "script-src 'self'",
  "object-src 'none'",
  "style-src 'self'",
  "img-src 'self' data:",
  [
    "connect-src 'self' https://*.tiktok.com wss://*.tiktok.com http://www.tiktok.com",
    ...EXTERNAL_CHECK_ORIGINS.map((o) => o.replace(/\/\*$/, '')),
  ].join(' '),
].join('; ');

// Set by the bench (scripts/bench/size-profile.ts): the production build, with hidden source maps, elsewhere.
const SIZE_PROFILE = process.env.DMD_SIZE_PROFILE === '1';

export default defineConfig({
  imports: false,
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  outDir: SIZE_PROFILE ? '.output/size-profile' : '.output',
  // Firefox stays on MV2 (see docs/ARCHITECTURE.md): host permissions are granted at install and
  // webRequest/event pages behave the same as in Chrome MV3 for our observe-only use.
  manifest: ({ browser, mode }) => {
    const e2e = mode === 'e2e';
    const manifest: Record<string, unknown> = {
      name: '__MSG_extName__',
      description: '__MSG_extDescription__',
      default_locale: 'en',
      permissions: ['storage', 'webRequest'],
      host_permissions: TIKTOK_HOSTS,
      optional_host_permissions: EXTERNAL_CHECK_ORIGINS,
      action: { default_title: '__MSG_extName__' },
      // Alt+Shift+M opens the popup (shown on the options page): MV3 names the command
      // _execute_action, Firefox's MV2 _execute_browser_action.
      commands: { [browser === 'firefox' ? '_execute_browser_action' : '_execute_action']: { suggested_key: { default: 'Alt+Shift+M' } } },
      icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
      // MV3 takes an object, MV2 (Firefox) a string
      content_security_policy: browser === 'firefox' ? CSP : { extension_pages: CSP },
      // entrypoints/tiktok: every page and frame of www.tiktok.com (the business chat is a same-origin
      // iframe), after the page's own start; built as a plain script (no WXT content-script wrapper)
      content_scripts: [{ matches: ['https://www.tiktok.com/*'], js: ['tiktok.js'], all_frames: true, run_at: 'document_idle' }],
    };
    if (e2e) {
      // Test build only: browser permission prompts cannot be clicked by tests.
      manifest.host_permissions = [...TIKTOK_HOSTS, ...EXTERNAL_CHECK_ORIGINS];
    }
    if (browser === 'firefox') {
      // MV2 has no optional_host_permissions: optional origins go in optional_permissions.
      delete manifest.optional_host_permissions;
      // Firefox puts the button on the toolbar itself (Chrome hides it in the puzzle menu: the
      // welcome page asks to pin it there instead).
      delete manifest.action;
      manifest.browser_action = { default_title: '__MSG_extName__', default_area: 'navbar' };
      if (!e2e) manifest.optional_permissions = EXTERNAL_CHECK_ORIGINS;
      manifest.browser_specific_settings = {
        gecko: {
          id: 'dm-doctor@dm-doctor.github.io',
          strict_min_version: '153.0',
          data_collection_permissions: { required: ['none'] },
        },
      };
    }
    return manifest;
  },
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    // ASCII-only output: one non-Latin-1 character (a ’ in TikTok's sentences) makes V8 hold a script's
    // whole source as two bytes per character (the content script's source in TikTok's page doubled).
    // SIZE_PROFILE (the bench's size profile) adds source maps beside the same bytes, in .output/size-profile.
    build: { sourcemap: SIZE_PROFILE ? 'hidden' : false, rollupOptions: { output: { charset: 'ascii' } } },
  }),
  hooks: {
    // locales/<lang>/*.json → _locales/<lang>/messages.json; the translators' descriptions stay in
    // the repo (the browser never reads them), the package carries only the messages
    // Plus, per cause, the hint's plan (which messages it shows, its fix link for this browser and
    // language: src/causes/hint-plan.ts), so the catalogue stays out of the background's bundle.
    'build:publicAssets': (wxt, files) => {
      const browser = wxt.config.browser === 'firefox' ? 'firefox' : 'chrome';
      for (const [lang, messages] of Object.entries(mergeLocales(wxt.config.root))) {
        const shipped = Object.fromEntries(Object.entries(messages).map(([key, m]) => [key, { message: m.message }]));
        if (!isLang(lang)) throw new Error(`locales/${lang}: not one of the extension's languages`);
        for (const id of CAUSE_IDS) {
          const key = hintPlanKey(id);
          const message = JSON.stringify(hintPlan(id, browser, lang));
          // `$` starts a placeholder in a browser message
          if (key in shipped || message.includes('$')) throw new Error(`${key}: cannot be shipped as a message`);
          shipped[key] = { message };
        }
        files.push({ relativeDest: `_locales/${lang}/messages.json`, contents: JSON.stringify(shipped) });
      }
    },
  },
  // `wxt build --analyze` keeps per-module size data in .analysis/ (see docs/PERFORMANCE.md).
  analysis: { template: 'raw-data', outputFile: '.analysis/stats.json', keepArtifacts: true },
  zip: {
    excludeSources: [
      'tests/**',
      'test-results/**',
      '.analysis/**',
      'scripts/bench/**',
      'scripts/demo.ts',
      'scripts/store.ts',
      'docs/screenshots/**',
      'docs/store/**',
      '.ci/**',
    ],
  },
});
