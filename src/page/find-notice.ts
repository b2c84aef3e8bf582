import { collapse, cut, live, outside, systemText, walkText } from './dom';
import { findNoticeText, type NoticeText } from './notice-texts';
import type { Notice, NoticeSource } from '../contracts/observation';
import { anyOf, SELECTORS } from './selectors';

// Where TikTok puts the sentence that explains a failed send: after the failed row (older
// captures), or as a full-width bar under the chat header, above the message list (the live inbox,
// 2026-08). Found, in order:
//   (a) in the known containers (DivSendFailTip / DivNoticeContainer), near the failure first;
//   (b) by structure, when those classes are renamed: the element right after the failed row, or a
//       bar between the chat header and the message list;
//   (c) by a known TikTok sentence in a system-looking container that is not a message bubble,
//       only when the chat's rows are recognised.
// Message bubbles, inputs and the composer are never read for this.

const ROW = anyOf(SELECTORS.messageRow);
const LIST = anyOf(SELECTORS.messageList);
const SLOT = anyOf(SELECTORS.warningSlot);
const HEADER = anyOf([...SELECTORS.chatHeader, ...SELECTORS.chatHandle]);
/** what a system bar never holds: a person's words, inputs, avatars, profile links, rows */
const NOT_SYSTEM = anyOf([
  ...SELECTORS.typing,
  ...SELECTORS.messageText,
  ...SELECTORS.messageArea,
  ...SELECTORS.ownLayout,
  ...SELECTORS.chatBottom,
  ...SELECTORS.composer,
  'img',
  'a[href*="/@"]',
  ROW,
  HEADER,
]);
const BAR_MAX = 300;

export function notice(text: string, source: NoticeSource, entry: NoticeText | null = findNoticeText(text)): Notice {
  return { text: cut(text), causeId: entry?.causeId ?? null, lang: entry?.lang ?? null, source };
}

/** A known tip inside `el` (or `el` itself). */
function tipIn(el: Element): string | null {
  for (const css of SELECTORS.sendFailTip) {
    const tip = el.matches(css) ? el : el.querySelector(css);
    const text = tip && live(tip) ? systemText(tip) : '';
    if (text) return text;
  }
  return null;
}

/** A system-looking element: short text, nothing a person wrote, no avatar, no row. */
function barText(el: Element): string | null {
  if (!live(el) || el.matches(NOT_SYSTEM) || el.querySelector(NOT_SYSTEM)) return null;
  const text = collapse(el.textContent);
  // a sentence, not a time label or a "Seen" mark
  return text && text.length <= BAR_MAX && (text.split(' ').length >= 3 || findNoticeText(text)) ? text : null;
}

/** Elements following the row, inside its wrapper and after it (a few siblings, three levels up). */
function* afterRow(row: Element): Generator<Element> {
  for (let el: Element | null = row, up = 0; el && up < 3 && !el.matches(LIST); el = el.parentElement, up++) {
    for (let sib = el.nextElementSibling, n = 0; sib && n < 3; sib = sib.nextElementSibling, n++) {
      if (sib.matches(ROW) || sib.querySelector(ROW)) return; // the next message: not beside this one
      yield sib;
    }
  }
}

/** The row's own trailing parts after its message area (dm-new puts the tip inside the row). */
function* insideRow(row: Element): Generator<Element> {
  const layout = row.querySelector(anyOf(SELECTORS.ownLayout));
  for (let el = layout?.nextElementSibling ?? null; el; el = el.nextElementSibling) yield el;
}

/** Elements between the chat header and the message list, walking up from the list to the panel. */
function* betweenHeaderAndList(list: Element | null, panel: Element | null): Generator<Element> {
  for (let node = list; node && node !== panel && node.parentElement; node = node.parentElement) {
    for (let sib = node.previousElementSibling; sib; sib = sib.previousElementSibling) {
      if (sib.matches(HEADER) || sib.querySelector(HEADER)) return; // reached the header
      yield sib;
    }
    if (node.parentElement === panel) return;
  }
}

/** (a): the known containers, the failure's own first, then a header bar, then any on the page. */
function knownContainer(doc: Document, list: Element | null, latest: Element | undefined): string | null {
  if (latest) {
    const own = tipIn(latest);
    if (own) return own;
    for (const el of afterRow(latest)) {
      const text = tipIn(el);
      if (text) return text;
    }
  }
  for (const css of SELECTORS.sendFailTip) {
    // without a failed bubble, only tips beside the message list count (a cheap look)
    const tips = latest || !list ? Array.from(doc.querySelectorAll(css)) : outside(list, css, true);
    for (let i = tips.length - 1; i >= 0; i--) {
      const tip = tips[i] as Element;
      const text = live(tip) ? systemText(tip) : '';
      if (text) return text;
    }
  }
  return null;
}

/** (b): structure only, around the failed row or under the header. */
function structural(list: Element | null, panel: Element | null, latest: Element): string | null {
  for (const el of insideRow(latest)) {
    const text = barText(el);
    if (text) return text;
  }
  for (const el of afterRow(latest)) {
    const text = barText(el);
    if (text) return text;
  }
  for (const el of betweenHeaderAndList(list, panel)) {
    const text = barText(el);
    if (text) return text;
  }
  return null;
}

/** (c): a known sentence in the chat panel, outside bubbles, inputs, the composer and the header. */
function knownSentence(panel: Element): { text: string; entry: NoticeText } | null {
  let found: { text: string; entry: NoticeText } | null = null;
  walkText(
    panel,
    (text) => {
      const entry = findNoticeText(text);
      if (entry && entry.match !== 'phrase' && !entry.label && !entry.page) found = { text, entry };
      return false; // keep the last one: the newest
    },
    3000,
    (el) => el.matches(NOT_SYSTEM) && !el.matches(ROW),
  );
  return found;
}

export interface NoticeContext {
  doc: Document;
  list: Element | null;
  panel: Element | null;
  /** failed rows, in DOM order */
  failed: Element[];
  /** the open chat's rows and warning slots are recognised */
  rowsSeen: boolean;
}

/** The notice that explains the latest failure (or a known tip beside the list when none failed). */
export function failureNotice(c: NoticeContext): Notice | null {
  const latest = c.failed[c.failed.length - 1];
  const known = knownContainer(c.doc, c.list, latest);
  if (known) return notice(known, 'send-fail-tip');
  if (latest && c.rowsSeen) {
    const bar = structural(c.list, c.panel, latest);
    if (bar) return notice(bar, 'send-fail-tip');
    const sentence = c.panel ? knownSentence(c.panel) : null;
    if (sentence) return notice(sentence.text, 'send-fail-tip', sentence.entry);
  }
  const slot = latest ? (latest.matches(SLOT) ? latest : latest.querySelector(SLOT)) : null;
  const text = slot ? systemText(slot) : '';
  return text ? notice(text, 'dm-warning') : null;
}
