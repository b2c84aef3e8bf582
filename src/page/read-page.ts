import { findNoticeText, type NoticeText } from './notice-texts';
import type { ComposerState, Generation, Notice, NoticeSource, PageKind, PageObservation } from './observation';
import { anyOf, GENERATION_MARKERS, INBOX_MARKERS, SELECTORS, type Selectors } from './selectors';

// Reads TikTok's /messages page into a PageObservation. Pure: a function of the DOM only.
// It reads system containers only (notice tips, warning slots, toasts, dialogs, the composer's
// replacement, page-level texts); a person's words are never read into an observation.
// Everything is bounded: a few native queries, and text walks only where no message list is.

const NOTICE_MAX = 200;
const RAW_MAX = 4000;
const WALK_BUDGET = 5000;
const INERT_TAGS = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'svg']);
const INERT = 'script, style, noscript, template, textarea';
const UNSUPPORTED_HINT = 'to view this message'; // cheap native pre-check before the exact match
const PAGE_RANK: Partial<Record<PageKind, number>> = { 'region-unavailable': 0, 'rate-limited': 1, error: 2, login: 3 };

const ROW = anyOf(SELECTORS.messageRow);
const OWN_LAYOUT = anyOf(SELECTORS.ownLayout);
const SLOT = anyOf(SELECTORS.warningSlot);

function safe<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

const live = (el: Element): boolean => el.closest(INERT) === null;

function first(root: ParentNode, alternatives: Selectors): Element | null {
  for (const css of alternatives) {
    const el = root.querySelector(css);
    if (el && live(el)) return el;
  }
  return null;
}

const has = (root: ParentNode, alternatives: Selectors): boolean => first(root, alternatives) !== null;

/**
 * The message list is the one subtree that grows with the chat (thousands of rows). Landmarks
 * that live beside it (header, composer, request box, toasts, dialogs) are looked up everywhere
 * else: the list itself, its ancestors and their other children, never inside the list. This
 * keeps a scan's cost independent of the number of messages.
 */
function outside(list: Element | null, css: string, all: boolean): Element[] {
  const out: Element[] = [];
  if (!list) return out;
  if (list.matches(css)) out.push(list);
  for (let node: Element = list; node.parentElement; node = node.parentElement) {
    const parent = node.parentElement;
    if (parent.matches(css)) out.push(parent);
    for (let sib = parent.firstElementChild; sib; sib = sib.nextElementSibling) {
      if (sib === node) continue;
      if (sib.matches(css)) out.push(sib);
      if (all) out.push(...Array.from(sib.querySelectorAll(css)));
      else {
        const found = sib.querySelector(css);
        if (found) out.push(found);
      }
    }
    if (!all && out.length) break;
  }
  return out.filter(live);
}

/** Like first(), but never looks inside the message list. */
function firstBeside(doc: Document, list: Element | null, alternatives: Selectors): Element | null {
  if (!list) return first(doc, alternatives);
  for (const css of alternatives) {
    const found = outside(list, css, false)[0];
    if (found) return found;
  }
  return null;
}

function collapse(raw: string | null | undefined): string {
  return (raw ?? '').slice(0, RAW_MAX).replace(/\s+/g, ' ').trim();
}

function cut(text: string): string {
  const head = text.slice(0, NOTICE_MAX);
  return /[\uD800-\uDBFF]$/.test(head) ? head.slice(0, -1) : head;
}

const textOf = (el: Element): string => collapse(el.textContent);

function notice(text: string, source: NoticeSource, entry: NoticeText | null = findNoticeText(text)): Notice {
  return { text: cut(text), causeId: entry?.causeId ?? null, lang: entry?.lang ?? null, source };
}

/** Visits text nodes in document order (skipping scripts, styles, svg…) until `visit` returns true. */
function walkText(root: Node, visit: (text: string, node: Node) => boolean, budget = WALK_BUDGET): void {
  const stack: Node[] = [root];
  for (let seen = 0; stack.length > 0 && seen < budget; seen++) {
    const node = stack.pop() as Node;
    if (node.nodeType === 3) {
      const text = collapse(node.nodeValue);
      if (text && visit(text, node)) return;
    } else if (node.nodeType === 1 && !INERT_TAGS.has((node as Element).localName)) {
      for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
    }
  }
}

/** The first known sentence inside `root`: the whole text (a sentence with a link), else the
 * text piece that holds it (a dialog's title among its buttons). */
function knownIn(root: Element, text: string): { text: string; entry: NoticeText } | null {
  const whole = findNoticeText(text);
  if (whole && whole.match !== 'phrase') return { text, entry: whole };
  let found: { text: string; entry: NoticeText } | null = null;
  walkText(root, (piece) => {
    const entry = findNoticeText(piece);
    if (entry) found = { text: piece, entry };
    return found !== null;
  }, 500);
  return found ?? (whole ? { text, entry: whole } : null);
}

// ── helpers the live watcher uses ────────────────────────────────────────────

/** The narrowest stable root to observe: the open chat, else its message list. */
export function chatPanel(doc: Document): Element | null {
  return safe(() => first(doc, SELECTORS.chatPanel) ?? first(doc, SELECTORS.messageList), null);
}

/** Every message row currently mounted, in DOM order (one native query). */
export function messageRows(doc: Document): Element[] {
  return safe(() => Array.from(doc.querySelectorAll(ROW)), []);
}

function isFailedSlot(slot: Element): boolean {
  return slot.querySelector('svg') !== null || collapse(slot.textContent) !== '';
}

/** Message rows whose warning slot holds an icon or text, in DOM order. */
export function failedRows(doc: Document): Element[] {
  return safe(() => {
    const rows: Element[] = [];
    const seen = new Set<Element>();
    for (const slot of Array.from(doc.querySelectorAll(SLOT))) {
      // an empty slot (every healthy row) costs one property read
      if (slot.firstChild === null || !isFailedSlot(slot) || !live(slot)) continue;
      const row = slot.closest(ROW) ?? slot.parentElement ?? slot;
      if (!seen.has(row)) {
        seen.add(row);
        rows.push(row);
      }
    }
    return rows;
  }, []);
}

function profilePath(el: Element | null): string | null {
  const link = el?.closest('a[href]') ?? el?.querySelector('a[href]') ?? null;
  const href = link?.getAttribute('href');
  if (!href) return null;
  const path = href.replace(/^https?:\/\/[^/]+/i, '').split(/[?#]/)[0] ?? '';
  return path.replace(/\/+$/, '').toLowerCase() || null;
}

/** Sent by the person using the browser: a row-reverse layout (dm-new), or their own avatar link. */
export function isOwnRow(row: Element): boolean {
  return safe(() => {
    const layout = row.matches(OWN_LAYOUT) ? row : row.querySelector(OWN_LAYOUT);
    if (layout) {
      if (/row-reverse/.test(layout.getAttribute('style') ?? '')) return true;
      const view = row.ownerDocument.defaultView;
      if (view && view.getComputedStyle(layout).flexDirection === 'row-reverse') return true;
    }
    const avatar = profilePath(first(row, SELECTORS.rowAvatar));
    return avatar !== null && avatar === profilePath(first(row.ownerDocument, SELECTORS.ownProfileLink));
  }, false);
}

/** Where a hint goes when the composer is blocked or replaced (never searched inside the list). */
export function composerArea(doc: Document): Element | null {
  return safe(() => {
    const list = first(doc, SELECTORS.messageList);
    return firstBeside(doc, list, SELECTORS.requestBox) ?? firstBeside(doc, list, SELECTORS.chatBottom) ?? firstBeside(doc, list, SELECTORS.composer);
  }, null);
}

/** The open chat's @handle; null while loading ("@") or when no chat is open. Never part of an observation. */
export function chatHandle(doc: Document): string | null {
  return safe(() => {
    const el = first(doc, SELECTORS.chatHandle);
    const text = el ? collapse(el.textContent).slice(0, 100) : '';
    return text && text !== '@' ? text : null;
  }, null);
}

// ── the observation ─────────────────────────────────────────────────────────

function generationOf(doc: Document, list: Element | null): Generation {
  if (firstBeside(doc, list, GENERATION_MARKERS['dm-new'])) return 'dm-new';
  if (firstBeside(doc, list, GENERATION_MARKERS.legacy)) return 'legacy';
  // a page with only a message list: its rows decide
  if (list && has(list, GENERATION_MARKERS['dm-new'])) return 'dm-new';
  if (list && has(list, GENERATION_MARKERS.legacy)) return 'legacy';
  return 'unknown';
}

function isChatOpen(doc: Document, list: Element | null): boolean {
  const beside = (a: Selectors) => firstBeside(doc, list, a) !== null;
  return (
    list !== null ||
    beside(SELECTORS.chatHeader) ||
    beside(SELECTORS.chatHandle) ||
    beside(SELECTORS.chatBottom) ||
    beside(SELECTORS.composer) ||
    beside(SELECTORS.requestBox)
  );
}

function composerOf(doc: Document, list: Element | null, chatOpen: boolean): { state: ComposerState; note: Notice | null } {
  if (!chatOpen) return { state: 'no-chat', note: null };
  const beside = (a: Selectors) => firstBeside(doc, list, a);
  // The request box's title names the stranger: its text is never read.
  if (beside(SELECTORS.requestBox)) return { state: 'request-box', note: null };
  if (beside(SELECTORS.editor)) return { state: 'present', note: null };
  const bar = beside(SELECTORS.chatBottom) ?? beside(SELECTORS.composer);
  const text = bar ? textOf(bar) : '';
  if (!text) return { state: 'missing', note: null };
  const entry = findNoticeText(text);
  return { state: entry?.causeId === 'blocked' ? 'block-note' : 'missing', note: notice(text, 'composer', entry) };
}

/** A tip inside the latest failed row or just after it (a few siblings, two levels up): cheap. */
function tipNear(row: Element | undefined): string | null {
  const LIST = anyOf(SELECTORS.messageList);
  const tipIn = (el: Element): string | null => {
    for (const css of SELECTORS.sendFailTip) {
      const tip = el.matches(css) ? el : el.querySelector(css);
      const text = tip && live(tip) ? textOf(tip) : '';
      if (text) return text;
    }
    return null;
  };
  if (!row) return null;
  const inside = tipIn(row);
  if (inside) return inside;
  for (let el: Element | null = row, up = 0; el && up < 3 && !el.matches(LIST); el = el.parentElement, up++) {
    for (let sib = el.nextElementSibling, n = 0; sib && n < 3; sib = sib.nextElementSibling, n++) {
      if (sib.matches(ROW) || sib.querySelector(ROW)) break; // the next message: not beside this one
      const text = tipIn(sib);
      if (text) return text;
    }
  }
  return null;
}

/** The tip beside the latest failure (the last one in DOM order), else the latest failed slot's text.
 * With no failed bubble, only tips beside the message list count (a cheap look). */
function failureNotice(doc: Document, list: Element | null, failed: Element[]): Notice | null {
  const near = tipNear(failed[failed.length - 1]);
  if (near) return notice(near, 'send-fail-tip');
  for (const css of SELECTORS.sendFailTip) {
    const tips = failed.length > 0 || !list ? doc.querySelectorAll(css) : outside(list, css, true);
    for (let i = tips.length - 1; i >= 0; i--) {
      const tip = tips[i];
      const text = tip && live(tip) ? textOf(tip) : '';
      if (text) return notice(text, 'send-fail-tip');
    }
  }
  const latest = failed[failed.length - 1];
  const slot = latest ? (latest.matches(SLOT) ? latest : latest.querySelector(SLOT)) : null;
  const text = slot ? textOf(slot) : '';
  return text ? notice(text, 'dm-warning') : null;
}

/** Toasts and dialogs: known sentences always; unknown toast text only when a send failed. */
function overlayNotice(doc: Document, list: Element | null, sendFailed: boolean): { notice: Notice; entry: NoticeText | null } | null {
  let unknown: Notice | null = null;
  const kinds: Array<[Selectors, NoticeSource]> = [
    [SELECTORS.toast, 'toast'],
    [SELECTORS.dialog, 'dialog'],
  ];
  for (const [alternatives, source] of kinds) {
    const found = list ? outside(list, anyOf(alternatives), true) : Array.from(doc.querySelectorAll(anyOf(alternatives))).filter(live);
    for (let i = found.length - 1; i >= 0; i--) {
      const el = found[i] as Element;
      const text = textOf(el);
      if (!text) continue;
      const known = knownIn(el, text);
      if (known && !known.entry.label) return { notice: notice(known.text, source, known.entry), entry: known.entry };
      if (!known && source === 'toast' && sendFailed) unknown ??= notice(text, source, null);
    }
  }
  return unknown ? { notice: unknown, entry: null } : null;
}

/** Page-level texts when there is no inbox: region > rate limit > error > login. */
function pageText(doc: Document): { page: PageKind; notice: Notice | null } | null {
  let best: { page: PageKind; rank: number; text: string; entry: NoticeText } | null = null;
  if (!doc.body) return null;
  walkText(doc.body, (text) => {
    const entry = findNoticeText(text);
    const rank = entry?.page ? PAGE_RANK[entry.page] : undefined;
    if (entry?.page && rank !== undefined && (!best || rank < best.rank)) best = { page: entry.page, rank, text, entry };
    return best?.rank === 0;
  });
  const found = best as { page: PageKind; text: string; entry: NoticeText } | null;
  if (!found) return null;
  return { page: found.page, notice: found.entry.label ? null : notice(found.text, 'page', found.entry) };
}

function unsupportedShown(doc: Document): boolean {
  const list = first(doc, SELECTORS.messageList) ?? first(doc, SELECTORS.chatPanel);
  if (!list || !(list.textContent ?? '').includes(UNSUPPORTED_HINT)) return false;
  const bubble = anyOf(SELECTORS.messageText);
  let shown = false;
  walkText(list, (text, node) => {
    if (!text.includes(UNSUPPORTED_HINT)) return false;
    // the sentence may be split by a link: try the text's element and two ancestors
    for (let el = node.parentElement, up = 0; el && up < 3 && !shown; el = el.parentElement, up++) {
      if (el.closest(bubble)) break; // a person's message quoting the sentence
      shown = findNoticeText(textOf(el))?.causeId === 'unsupported-on-web';
    }
    return shown;
  }, 200_000);
  return shown;
}

const EMPTY: PageObservation = {
  generation: 'unknown',
  page: 'unknown',
  chatOpen: false,
  composer: 'no-chat',
  failures: { total: 0, own: 0 },
  notice: null,
  unsupportedMessage: false,
};

function read(doc: Document, failed: Element[], deep: boolean): PageObservation {
  const list = first(doc, SELECTORS.messageList);
  const generation = generationOf(doc, list);
  const inbox = generation !== 'unknown' || has(doc, INBOX_MARKERS);
  const chatOpen = inbox && isChatOpen(doc, list);
  const composer = composerOf(doc, list, chatOpen);
  const overlay = safe(() => overlayNotice(doc, list, failed.length > 0), null);
  let page: PageKind = inbox ? 'inbox' : 'unknown';
  // A captcha or "too many requests" over the inbox blocks it: that is a rate-limit page.
  if (overlay?.entry?.page === 'rate-limited') page = 'rate-limited';
  let notice = safe(() => failureNotice(doc, list, failed), null) ?? composer.note ?? overlay?.notice ?? null;
  if (!inbox) {
    const found = safe(() => pageText(doc), null);
    if (found) {
      page = overlay?.entry?.page === 'rate-limited' ? page : found.page;
      notice ??= found.notice;
    } else if (page === 'unknown' && has(doc, SELECTORS.loginButton)) {
      page = 'login';
    }
  }
  return {
    generation,
    page,
    chatOpen,
    composer: composer.state,
    failures: { total: failed.length, own: failed.filter(isOwnRow).length },
    notice,
    unsupportedMessage: deep && inbox && safe(() => unsupportedShown(doc), false),
  };
}

/** Reads the page; never throws (a damaged page reads as 'unknown'). */
export function readPage(doc: Document): PageObservation {
  return scanPage(doc).observation;
}

/**
 * The observation and the failed rows it counted (one query for both: the watcher needs both).
 * `deep: false` skips the one look that reads the whole message list's text (the unsupported
 * message placeholder) and reports it as not shown; the watcher does deep scans less often.
 */
export function scanPage(doc: Document, opts: { deep?: boolean } = {}): { observation: PageObservation; failed: Element[] } {
  const failed = failedRows(doc);
  try {
    return { observation: read(doc, failed, opts.deep ?? true), failed };
  } catch {
    return { observation: { ...EMPTY, failures: { ...EMPTY.failures } }, failed };
  }
}
