import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { EXTERNAL_CHECK_ORIGINS } from '../../../src/checks/external-origins';

// Permission audit of the PRODUCTION builds (DESIGN.md, non-negotiables: permissions, no remote
// code). Everything the manifests ask for must be in the allowlists below; adding a permission means
// changing this file on purpose, in review. Build first: `npm run build`.

const CHROME = resolve('.output/chrome-mv3');
const FIREFOX = resolve('.output/firefox-mv2');

const TIKTOK_HOSTS = ['*://*.tiktok.com/*', 'wss://*.tiktok.com/*'];
const EXTERNAL_OPTIONAL = ['https://cloudflare-dns.com/*', 'http://connectivitycheck.gstatic.com/*'];
const ALLOWED_API_PERMISSIONS = ['storage', 'webRequest'];
/** Content scripts: https://www.tiktok.com only (the business chat iframe is on that origin). */
const CONTENT_MATCHES = ['https://www.tiktok.com/*'];
/** DESIGN.md, trust boundary: the extension pages' CSP, exactly. The consented origins are read from the source. */
const CSP = [
  "script-src 'self'",
  "object-src 'none'",
  "style-src 'self'",
  "img-src 'self' data:",
  `connect-src 'self' https://*.tiktok.com wss://*.tiktok.com http://www.tiktok.com ${EXTERNAL_CHECK_ORIGINS.map((o) => new URL(o.replace('/*', '/')).origin).join(' ')}`,
].join('; ');
/** Never, in any list (DESIGN.md: "No proxy, dns, captivePortal … No <all_urls>, no tabs, no scripting"). */
const FORBIDDEN = [
  '<all_urls>',
  '*://*/*',
  'http://*/*',
  'https://*/*',
  'tabs',
  'scripting',
  'proxy',
  'dns',
  'captivePortal',
  'webRequestBlocking',
  'declarativeNetRequest',
  'declarativeNetRequestWithHostAccess',
  'cookies',
  'history',
  'debugger',
  'nativeMessaging',
  'management',
  'clipboardRead',
  'webNavigation',
  'downloads',
  'bookmarks',
  'unlimitedStorage',
  'background',
];

type Manifest = Record<string, unknown> & {
  manifest_version: number;
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: {
    matches?: string[];
    exclude_matches?: string[];
    include_globs?: string[];
    js?: string[];
    world?: string;
    all_frames?: boolean;
    match_about_blank?: boolean;
  }[];
  content_security_policy?: unknown;
  web_accessible_resources?: unknown;
  externally_connectable?: unknown;
  browser_specific_settings?: {
    gecko?: { id?: string; strict_min_version?: string; data_collection_permissions?: { required?: string[]; optional?: string[] } };
  };
};

function readManifest(dir: string, build: string): Manifest {
  const file = join(dir, 'manifest.json');
  if (!existsSync(file)) {
    throw new Error(`No production build at ${dir} (${build}): run "npm run build" before the permission audit`);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

function filesUnder(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p, ext));
    else if (ext.test(name)) out.push(p);
  }
  return out;
}

const notIn = (list: readonly string[] | undefined, allowed: readonly string[]) => (list ?? []).filter((p) => !allowed.includes(p));

/** The checks both builds share: no remote code, no weaker CSP, nothing outside the allowlists. */
function auditCommon(m: Manifest, dir: string): void {
  const every = [
    ...(m.permissions ?? []),
    ...(m.host_permissions ?? []),
    ...(m.optional_permissions ?? []),
    ...(m.optional_host_permissions ?? []),
  ];
  expect(
    every.filter((p) => FORBIDDEN.includes(p)),
    'forbidden permissions',
  ).toEqual([]);

  // content scripts: https://www.tiktok.com only, every frame, isolated world, no globs widening the match
  const scripts = m.content_scripts ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const cs of scripts) {
    expect(cs.matches, 'content-script matches').toEqual(CONTENT_MATCHES);
    expect(
      (cs.matches ?? []).filter((p) => p.startsWith('http:') || p.startsWith('*://')),
      'content scripts on plain http',
    ).toEqual([]);
    expect(cs.all_frames, 'content script in every frame (the business chat iframe)').toBe(true);
    expect(cs.match_about_blank ?? false).toBe(false);
    expect(cs.include_globs ?? []).toEqual([]);
    expect(cs.world ?? 'ISOLATED', 'content script must not run in the page (MAIN) world').toBe('ISOLATED');
  }
  expect(
    every.filter((p) => ['tabs', 'scripting', '<all_urls>'].includes(p)),
    'tabs / scripting / <all_urls>',
  ).toEqual([]);
  // nothing exposed to pages or other extensions
  expect(m.web_accessible_resources ?? []).toEqual([]);
  expect(m.externally_connectable).toBeUndefined();

  // no remote code in the bundle's HTML: every <script src> is a packaged file
  for (const html of filesUnder(dir, /\.html$/)) {
    const text = readFileSync(html, 'utf8');
    const sources = [...text.matchAll(/<script\b[^>]*\bsrc\s*=\s*["']?([^"' >]+)/gi)].map((x) => x[1]!);
    const remote = sources.filter((s) => /^(https?:)?\/\//i.test(s));
    expect(remote, `${relative(dir, html)} loads remote scripts`).toEqual([]);
    expect(text, `${relative(dir, html)} links remote stylesheets or modules`).not.toMatch(/<link\b[^>]*href\s*=\s*["']?(https?:)?\/\//i);
  }
  // … and no code loaded from the network or compiled from strings in the bundled JS
  for (const js of filesUnder(dir, /\.js$/)) {
    const text = readFileSync(js, 'utf8');
    const name = relative(dir, js);
    expect(text, `${name}: importScripts from the network`).not.toMatch(/importScripts\(\s*["'`]https?:/);
    expect(text, `${name}: dynamic import from the network`).not.toMatch(/import\(\s*["'`]https?:/);
    expect(text, `${name}: eval`).not.toMatch(/(^|[^.\w$])eval\(/);
    expect(text, `${name}: new Function`).not.toMatch(/new Function\(/);
  }
}

describe('permission audit: Chrome MV3 production manifest', () => {
  it('asks for exactly storage + webRequest, TikTok hosts, the two optional external origins', () => {
    const m = readManifest(CHROME, 'chrome-mv3');
    expect(m.manifest_version).toBe(3);
    expect(notIn(m.permissions, ALLOWED_API_PERMISSIONS), 'permissions outside the allowlist').toEqual([]);
    expect(notIn(m.host_permissions, TIKTOK_HOSTS), 'host_permissions outside the allowlist').toEqual([]);
    expect(notIn(m.optional_host_permissions, EXTERNAL_OPTIONAL), 'optional_host_permissions outside the allowlist').toEqual([]);
    expect([...(m.optional_host_permissions ?? [])].sort()).toEqual([...EXTERNAL_OPTIONAL].sort());
    expect(notIn(m.optional_permissions, []), 'optional API permissions').toEqual([]);
    // the production build never grants the external origins at install (only the e2e build does)
    expect((m.host_permissions ?? []).filter((h) => EXTERNAL_OPTIONAL.includes(h))).toEqual([]);
    auditCommon(m, CHROME);
  });

  it('has exactly the CSP of DESIGN.md for extension pages, and no other policy', () => {
    const m = readManifest(CHROME, 'chrome-mv3');
    expect(m.content_security_policy).toEqual({ extension_pages: CSP });
  });
});

describe('permission audit: Firefox MV2 production manifest', () => {
  it('asks for exactly storage + webRequest + TikTok hosts, external origins optional only', () => {
    const m = readManifest(FIREFOX, 'firefox-mv2');
    expect(m.manifest_version).toBe(2);
    // MV2: host permissions live in `permissions`
    expect(notIn(m.permissions, [...ALLOWED_API_PERMISSIONS, ...TIKTOK_HOSTS]), 'permissions outside the allowlist').toEqual([]);
    expect(notIn(m.optional_permissions, EXTERNAL_OPTIONAL), 'optional_permissions outside the allowlist').toEqual([]);
    expect([...(m.optional_permissions ?? [])].sort()).toEqual([...EXTERNAL_OPTIONAL].sort());
    expect(m.host_permissions).toBeUndefined();
    expect(m.optional_host_permissions).toBeUndefined();
    auditCommon(m, FIREFOX);
  });

  it('has exactly the CSP of DESIGN.md (MV2: one string)', () => {
    expect(readManifest(FIREFOX, 'firefox-mv2').content_security_policy).toBe(CSP);
  });

  it("the CSP names every consented origin and TikTok's hosts, and nothing else to connect to", () => {
    const connect = CSP.split('; ')
      .find((d) => d.startsWith('connect-src'))!
      .split(' ')
      .slice(1);
    expect(connect.slice(0, 4)).toEqual(["'self'", 'https://*.tiktok.com', 'wss://*.tiktok.com', 'http://www.tiktok.com']);
    expect(connect.slice(4).sort()).toEqual(EXTERNAL_CHECK_ORIGINS.map((o) => o.replace(/\/\*$/, '')).sort());
    expect(connect.every((c) => !c.includes('*') || /^(https|wss):\/\/\*\.tiktok\.com$/.test(c))).toBe(true);
  });

  it('has a gecko id, a strict_min_version and declares no data collection', () => {
    const gecko = readManifest(FIREFOX, 'firefox-mv2').browser_specific_settings?.gecko;
    expect(gecko?.id).toMatch(/^[\w.-]+@[\w.-]+$/);
    expect(gecko?.strict_min_version).toMatch(/^\d+(\.\d+)*$/);
    expect(gecko?.data_collection_permissions?.required).toEqual(['none']);
    expect(gecko?.data_collection_permissions?.optional ?? []).toEqual([]);
  });
});

// ── source scan ────────────────────────────────────────────────────────────

const SOURCE_DIRS = ['src', 'entrypoints'];
function sources(): { file: string; lines: string[] }[] {
  return SOURCE_DIRS.flatMap((d) => filesUnder(resolve(d), /\.(ts|tsx|js|jsx|mts|html)$/)).map((file) => ({
    file: relative(resolve('.'), file),
    lines: readFileSync(file, 'utf8').split('\n'),
  }));
}

/** Lines matching `re` outside comments (a `//` line or a `*` block line), as file:line: text. */
function offenders(re: RegExp): string[] {
  const hits: string[] = [];
  for (const { file, lines } of sources()) {
    lines.forEach((line, i) => {
      const code = line.replace(/\/\/.*$/, '');
      if (/^\s*(\*|\/\*)/.test(line)) return;
      if (re.test(code)) hits.push(`${file}:${i + 1}: ${line.trim()}`);
    });
  }
  return hits;
}

describe('source scan: text is rendered as text, code is never built from strings', () => {
  it('finds the sources to scan', () => {
    expect(sources().length).toBeGreaterThan(20);
  });
  it.each([
    ['innerHTML', /\binnerHTML\b/],
    ['outerHTML assignment', /\bouterHTML\s*=/],
    ['insertAdjacentHTML', /\binsertAdjacentHTML\b/],
    ['dangerouslySetInnerHTML', /\bdangerouslySetInnerHTML\b/],
    ['document.write', /\bdocument\.write(ln)?\s*\(/],
    ['createContextualFragment', /\bcreateContextualFragment\b/],
    ['srcdoc', /\bsrcdoc\b/],
    ['eval(', /(^|[^.\w$])eval\s*\(/],
    ['new Function', /\bnew\s+Function\s*\(/],
    ['string setTimeout/setInterval', /\bset(Timeout|Interval)\s*\(\s*["'`]/],
  ])('no %s in src/ or entrypoints/', (_name, re) => {
    expect(offenders(re)).toEqual([]);
  });
});

describe('source scan: the popup gets tab state only from the background', () => {
  it('nothing under src/ui/ or entrypoints/popup/ touches extension storage', () => {
    const popupFiles = sources().filter(({ file }) => file.startsWith('src/ui/') || file.startsWith('entrypoints/popup/'));
    expect(popupFiles.length).toBeGreaterThan(5);
    const hits = popupFiles.flatMap(({ file, lines }) =>
      lines.flatMap((line, i) =>
        !/^\s*import type /.test(line) &&
        /wxt\/utils\/storage|\bstorage\.(session|local|sync|defineItem|getItem|snapshot)\b|\bbrowser\.storage\b|\bchrome\.storage\b|state\/tab-store|state\/settings'/.test(
          line,
        )
          ? [`${file}:${i + 1}: ${line.trim()}`]
          : [],
      ),
    );
    expect(hits).toEqual([]);
  });
});

describe("source scan: the page's globals are never patched", () => {
  it.each([
    ['window.fetch =', /\b(window|globalThis|self)\.fetch\s*=(?!=)/],
    ['bare fetch =', /(^|[^.\w$])fetch\s*=(?!=)/],
    ['XMLHttpRequest.prototype', /\bXMLHttpRequest\.prototype\b/],
    ['WebSocket =', /\bWebSocket\s*=(?!=)/],
    ['WebSocket.prototype', /\bWebSocket\.prototype\b/],
    ['history.pushState =', /\bhistory\.(push|replace)State\s*=(?!=)/],
    ['Object.defineProperty on window/document', /Object\.defineProperty\(\s*(window|document|globalThis|navigator)\b/],
  ])('no %s in src/ or entrypoints/', (_name, re) => {
    expect(offenders(re)).toEqual([]);
  });
});
