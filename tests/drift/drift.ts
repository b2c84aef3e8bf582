import { Window } from 'happy-dom';

// The drift generator (issue 11, item 7). Derives "TikTok changed its page" variants from the saved
// fixtures (tests/fixtures/*.html): pure functions html → html, deterministic for a given seed.
// Each family takes away one kind of anchor the extension may lean on, the way TikTok's releases do
// (docs/tiktok-web.md, "Two DOM generations"): class hashes and the build prefix change with every
// build, a component can be renamed, production builds may rename or drop `data-e2e` test ids, the
// refusal notice shows as a bar under the chat header, and a whole new DOM generation can ship.
//
// The generator knows the fixtures' markup (it is a test tool): it uses today's selectors to find what
// it moves, then rewrites it. It never touches the page's words, except in `privacy-drift`, which plants
// a drafted message and system-like words in a friend's bubble, each with a marker that must never be
// read.

export type Family =
  | 'hashes'
  | `component:${string}`
  | 'testids-renamed'
  | 'testids-dropped'
  | 'notice-under-header'
  | 'notice-renamed'
  | 'notice-under-header-renamed'
  | 'new-generation'
  | 'privacy-drift';

export const FIXED_FAMILIES = [
  'hashes',
  'testids-renamed',
  'testids-dropped',
  'notice-under-header',
  'notice-renamed',
  'notice-under-header-renamed',
  'new-generation',
  'privacy-drift',
] as const satisfies readonly Family[];

/** Planted by `privacy-drift` in the composer (a drafted, unsent message). */
export const DRAFT_MARKER = 'DRAFT-MARKER-7731';
export const DRAFT_TEXT = `${DRAFT_MARKER} please`;
/** Planted by `privacy-drift` in a friend's bubble, next to system-like words. */
export const BUBBLE_MARKER = 'BUBBLE-MARKER-4410';
export const BUBBLE_WORDS = ['Too many requests', `You are sending messages too fast. Take a rest. ${BUBBLE_MARKER}`];

/**
 * Component names the page reader's selectors name, plus the landmarks the issue lists. Used as a
 * default when src/page/selectors.ts is not at hand (the unit suite reads that file itself).
 */
export const KNOWN_COMPONENTS = [
  'DivWarningContainer',
  'DivChatItemWrapper',
  'DivChatMain',
  'DivChatMainContent',
  'DivNoticeContainer',
  'DivSendFailTip',
  'DivChatBottom',
  'DivChatBox',
  'DivChatHeader',
  'DivTextContainer',
  'DivStrangerBox',
  'DivRequestGroup',
  'InboxItemWrapper',
  'PInfoNickname',
  'StyledSendButton',
  'TUXToastProvider',
] as const;

/** Every `[class*="Name"]` / `[class~="Name"]` component name in a selectors source file. */
export function componentNamesIn(selectorsSource: string): string[] {
  const names = new Set<string>();
  for (const m of selectorsSource.matchAll(/\[class[*~^$|]?=\\?["']([A-Za-z][\w-]*)\\?["']\]/g)) names.add(m[1]!);
  return [...names].sort();
}

// ── deterministic tokens ─────────────────────────────────────────────────────

function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const ALNUM = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A deterministic pseudo-random string for (seed, salt, input). */
function token(seed: number, salt: string, input: string, length: number, alphabet = ALNUM): string {
  let h = fnv(`${seed}\u0000${salt}\u0000${input}`);
  let out = '';
  for (let i = 0; i < length; i++) {
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
    h = (h + 0x9e3779b9 + i) >>> 0;
    out += alphabet[h % alphabet.length];
  }
  return out;
}

/** `Math.random`-free coin: true for about `p` of the inputs. */
function coin(seed: number, input: string, p: number): boolean {
  // FNV-1a of short, similar strings ("1", "2", …) is poorly spread: finish it with murmur3's mixer.
  let h = fnv(`${seed}\u0001${input}`);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  h = (h ^ (h >>> 16)) >>> 0;
  return h / 0xffffffff < p;
}

// ── parsing and serialising ─────────────────────────────────────────────────

let parser: InstanceType<Window['DOMParser']> | null = null;

function parse(html: string): Document {
  // One inert window for every parse: DOMParser documents run no scripts and load nothing.
  parser ??= new new Window({
    url: 'https://www.tiktok.com/messages',
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  }).DOMParser();
  return parser.parseFromString(html, 'text/html') as unknown as Document;
}

function serialise(doc: Document): string {
  const dt = doc.doctype ? `<!DOCTYPE ${doc.doctype.name}>\n` : '';
  return `${dt}${doc.documentElement.outerHTML}\n`;
}

const all = (doc: Document, css: string): Element[] => Array.from(doc.querySelectorAll(css));

/** Rewrites every class token (class attributes and the page's own <style> rules) through `map`. */
function mapClasses(doc: Document, map: (cls: string) => string): void {
  for (const el of all(doc, '[class]')) {
    const before = el.getAttribute('class') ?? '';
    const after = mapTokens(before, map);
    if (after !== before) el.setAttribute('class', after);
  }
  for (const style of all(doc, 'style')) {
    const before = style.textContent ?? '';
    const after = mapStyle(before, map);
    if (after !== before) style.textContent = after;
  }
}

const mapTokens = (value: string, map: (cls: string) => string) =>
  value
    .split(/(\s+)/)
    .map((t) => (t.trim() ? map(t) : t))
    .join('');

const mapStyle = (css: string, map: (cls: string) => string) => css.replace(/\.(-?[A-Za-z_][\w-]*)/g, (_, t: string) => `.${map(t)}`);

/** The same on the page's text (fast on a 5,000-row page: the fixtures quote every attribute with "). */
function mapClassesInHtml(html: string, map: (cls: string) => string): string {
  return html
    .replace(
      /(<style\b[^>]*>)([\s\S]*?)(<\/style>)/gi,
      (_, open: string, css: string, close: string) => `${open}${mapStyle(css, map)}${close}`,
    )
    .replace(/(\sclass=")([^"]*)(")/g, (_, a: string, v: string, b: string) => `${a}${mapTokens(v, map)}${b}`);
}

/** Rewrites every data-e2e value (or drops the attribute when `map` returns null). */
function mapTestIdsInHtml(html: string, map: (v: string) => string | null): string {
  return html.replace(/\sdata-e2e="([^"]*)"/g, (_, v: string) => {
    const to = map(v);
    return to === null ? '' : ` data-e2e="${to}"`;
  });
}

// ── the families ────────────────────────────────────────────────────────────

/** `css-<hash>-<build>--Name` (dm-new), `css-<hash>-Name` (older builds), emotion's `e<id><n>`. */
const HASHED = /^css-([a-z0-9]+)-([0-9a-f]{8})--([A-Za-z][\w-]*)$/;
const HASHED_OLD = /^css-([a-z0-9]+)-([A-Z][\w-]*)$/;
const EMOTION_ID = /^e[a-z0-9]{5,8}\d$/;

function rotateHashes(html: string, seed: number): string {
  let build = token(seed, 'build', 'prefix', 8, '0123456789abcdef');
  if (build === '7937d88b') build = 'a1b2c3d4';
  return mapClassesInHtml(html, (t) => {
    let m = HASHED.exec(t);
    if (m) return `css-${token(seed, 'hash', m[1]!, m[1]!.length)}-${build}--${m[3]}`;
    m = HASHED_OLD.exec(t);
    if (m) return `css-${token(seed, 'hash', m[1]!, m[1]!.length)}-${m[2]}`;
    if (EMOTION_ID.test(t)) return `e${token(seed, 'emotion', t.slice(1, -1), t.length - 2, LETTERS)}${t.slice(-1)}`;
    return t;
  });
}

/** The component part of a class token (`Name` of `css-h-b--Name`, `css-h-Name`, or a bare `Name`). */
function componentOf(t: string): { head: string; name: string } {
  const m = HASHED.exec(t) ?? null;
  if (m) return { head: t.slice(0, t.length - m[3]!.length), name: m[3]! };
  const o = HASHED_OLD.exec(t);
  if (o) return { head: t.slice(0, t.length - o[2]!.length), name: o[2]! };
  return { head: '', name: t };
}

/** A new name for a component that contains no known name (nor the old one). */
function renamedComponent(name: string, seed: number): string {
  return `Cmp${token(seed, 'component', name, 7, LETTERS)}`;
}

function renameComponent(html: string, name: string, seed: number): string {
  const to = renamedComponent(name, seed);
  return mapClassesInHtml(html, (t) => {
    const c = componentOf(t);
    return c.name === name ? `${c.head}${to}` : t;
  });
}

/** `dm-new-chat-item` → `v2-chat-item`, `dm-warning` → `v2-warning`, `nav-profile` → `v2-nav-profile`. */
export function renamedTestId(v: string): string {
  return `v2-${v.replace(/^dm-new-/, '').replace(/^dm-/, '')}`;
}

const renameTestIds = (html: string) => mapTestIdsInHtml(html, renamedTestId);
const dropTestIds = (html: string) => mapTestIdsInHtml(html, () => null);

/** The notice's own component names both renamed (issue 11 item 2: found "even when its class is renamed"). */
const renameNotice = (html: string, seed: number) =>
  renameComponent(renameComponent(html, 'DivNoticeContainer', seed), 'DivSendFailTip', seed);

const MESSAGE_LIST = '[data-e2e="dm-new-message-list"], [class*="DivChatMainContent"], [class*="--DivMessageList"]';
const NOTICE = '[class*="DivNoticeContainer"]';
const TIP = '[class*="DivSendFailTip"]';

/**
 * The refusal notice as a full-width bar between the chat header and the message list (the live
 * inbox, 2026-08). Every notice leaves its row; the latest one becomes the bar. Null when the page
 * has no notice or no message list.
 */
function noticeUnderHeader(doc: Document): boolean {
  const list = doc.querySelector(MESSAGE_LIST);
  let notices = all(doc, NOTICE);
  if (notices.length === 0) notices = all(doc, TIP);
  const latest = notices[notices.length - 1];
  if (!list || !latest) return false;
  for (const n of notices) n.remove();
  latest.setAttribute(
    'style',
    'display:block;width:100%;box-sizing:border-box;padding:8px 16px;text-align:center;background:#f1f1f2;color:#161823;',
  );
  list.before(latest);
  return true;
}

/**
 * A wholly new generation that keeps only the URL: every class, test id, data attribute and id
 * rewritten to opaque tokens (the page's <style> follows), and a share of the wrappers re-nested, so
 * depth-based structure changes too. The words, the svg icons and the composer stay: a failure may
 * still be visible, but nothing known is left to recognise it by. Page scripts (and their templates)
 * are dropped: they would replay today's markup.
 */
function newGeneration(doc: Document, seed: number): void {
  // The fixtures' page scripts and their templates replay today's markup (a row that fails later):
  // a new generation has none of it. Its rehydration JSON stays.
  for (const el of all(doc, 'template, script')) if (!/json/i.test(el.getAttribute('type') ?? '')) el.remove();
  mapClasses(doc, (t) => `g${token(seed, 'class', t, 6)}`);
  const ids = new Map<string, string>();
  for (const el of all(doc, '[id]')) {
    const id = el.getAttribute('id') ?? '';
    if (el.localName === 'script') continue;
    const to = `n${token(seed, 'id', id, 7)}`;
    ids.set(id, to);
    el.setAttribute('id', to);
  }
  for (const el of all(doc, '[aria-describedby]')) {
    const ref = el.getAttribute('aria-describedby') ?? '';
    el.setAttribute(
      'aria-describedby',
      ref
        .split(/\s+/)
        .map((r) => ids.get(r) ?? r)
        .join(' '),
    );
  }
  // TikTok's own data attributes (not Draft.js's data-block / data-offset-key / data-text / data-contents)
  for (const name of ['data-e2e', 'data-area', 'data-conv-id', 'data-index']) {
    for (const el of all(doc, `[${name}]`)) {
      const v = el.getAttribute(name) ?? '';
      el.removeAttribute(name);
      el.setAttribute(`data-${token(seed, 'attr', name, 4, LETTERS)}`, token(seed, 'value', v, 6));
    }
  }
  // Re-nest: wrap the children of about 40 % of the divs that have element children.
  const body = doc.body;
  if (!body) return;
  let n = 0;
  for (const div of all(doc, 'body div')) {
    n++;
    if (div.firstElementChild === null || !coin(seed, `${n}`, 0.4)) continue;
    const wrap = doc.createElement('div');
    wrap.setAttribute('class', `g${token(seed, 'wrap', `${n}`, 6)}`);
    wrap.setAttribute('style', 'display:contents');
    while (div.firstChild) wrap.appendChild(div.firstChild);
    div.appendChild(wrap);
  }
}

const ROWS = '[data-e2e="dm-new-chat-item"], [data-e2e="chat-item"]';

/**
 * Plants a drafted message in the composer's contenteditable and system-like words in a friend's
 * (the latest incoming) bubble. Returns what it planted.
 */
function plantPrivate(doc: Document): { draft: boolean; bubble: boolean } {
  let draft = false;
  let bubble = false;
  const editor = doc.querySelector('[contenteditable="true"]');
  if (editor) {
    const span = editor.querySelector('span[data-offset-key]');
    if (span) span.textContent = DRAFT_TEXT;
    else editor.textContent = DRAFT_TEXT;
    editor.parentElement?.parentElement?.querySelector('.public-DraftEditorPlaceholder-root')?.remove();
    draft = true;
  }
  const own = doc.querySelector('[data-e2e="nav-profile"]')?.getAttribute('href') ?? null;
  const friendRows = all(doc, ROWS).filter((row) => {
    const link = row.querySelector('a[href^="/@"]');
    return link !== null && link.getAttribute('href') !== own;
  });
  const row = friendRows[friendRows.length - 1];
  const text = row?.querySelector('[class*="DivTextContainer"]');
  if (text) {
    const pClass = text.querySelector('p')?.getAttribute('class') ?? '';
    text.innerHTML = '';
    for (const words of BUBBLE_WORDS) {
      const p = doc.createElement('p');
      if (pClass) p.setAttribute('class', pClass);
      p.textContent = words;
      text.appendChild(p);
    }
    bubble = true;
  }
  return { draft, bubble };
}

/**
 * The drifted variant of a fixture page, or null when the family does not apply to it (nothing to
 * rename, no notice to move, nowhere to plant the private words).
 */
export function drift(html: string, family: Family, seed = 1): string | null {
  let out: string;
  if (family === 'hashes') out = rotateHashes(html, seed);
  else if (family.startsWith('component:')) out = renameComponent(html, family.slice('component:'.length), seed);
  else if (family === 'testids-renamed') out = renameTestIds(html);
  else if (family === 'testids-dropped') out = dropTestIds(html);
  else if (family === 'notice-under-header' || family === 'notice-under-header-renamed') {
    const doc = parse(html);
    if (!noticeUnderHeader(doc)) return null;
    out = serialise(doc);
    if (family === 'notice-under-header-renamed') out = renameNotice(out, seed);
  } else if (family === 'notice-renamed') out = renameNotice(html, seed);
  else if (family === 'new-generation') {
    const doc = parse(html);
    newGeneration(doc, seed);
    out = serialise(doc);
  } else if (family === 'privacy-drift') {
    const doc = parse(html);
    const planted = plantPrivate(doc);
    if (!planted.draft && !planted.bubble) return null;
    out = renameTestIds(serialise(doc));
  } else {
    throw new Error(`unknown drift family: ${family as string}`);
  }
  return out === html ? null : out;
}
/** The families for a list of component names, in a stable order. */
export function families(componentNames: readonly string[]): Family[] {
  return [
    'hashes',
    ...componentNames.map((n) => `component:${n}` as const),
    'testids-renamed',
    'testids-dropped',
    'notice-under-header',
    'notice-renamed',
    'notice-under-header-renamed',
    'new-generation',
    'privacy-drift',
  ];
}
