import { collapse, first, has, live, outside, systemText, walkText } from './dom';
import { notice } from './find-notice';
import { findNoticeText, type NoticeText } from './notice-texts';
import type { Notice, NoticeSource, PageKind } from '../contracts/observation';
import { anyOf, SELECTORS, type Selectors } from './selectors';

// What TikTok shows over or instead of the inbox: toasts and dialogs, its full-page states (region,
// rate limit, error, login) and the "unsupported message" placeholder. Text is read only from
// these system containers, never from message bubbles (src/page/read-page.ts says the rest).

export const UNSUPPORTED_HINT = 'to view this message'; // cheap native pre-check before the exact match
const PAGE_RANK: Partial<Record<PageKind, number>> = { 'region-unavailable': 0, 'rate-limited': 1, error: 2, login: 3 };
/** a TikTok full-page state is short; an inbox is not */
const PAGE_TEXT_MAX = 600;

/** The first known sentence inside `root`: the whole text (a sentence with a link), else the
 * text piece that holds it (a dialog's title among its buttons). */
function knownIn(root: Element, text: string): { text: string; entry: NoticeText } | null {
  const whole = findNoticeText(text);
  if (whole && whole.match !== 'phrase') return { text, entry: whole };
  let found: { text: string; entry: NoticeText } | null = null;
  walkText(
    root,
    (piece) => {
      const entry = findNoticeText(piece);
      if (entry) found = { text: piece, entry };
      return found !== null;
    },
    500,
  );
  return found ?? (whole ? { text, entry: whole } : null);
}

/** Toasts and dialogs: known sentences always; unknown toast text only when a send failed. */
export function overlayNotice(
  doc: Document,
  list: Element | null,
  sendFailed: boolean,
): { notice: Notice; entry: NoticeText | null } | null {
  let unknown: Notice | null = null;
  const kinds: Array<[Selectors, NoticeSource]> = [
    [SELECTORS.toast, 'toast'],
    [SELECTORS.dialog, 'dialog'],
  ];
  for (const [alternatives, source] of kinds) {
    const found = list ? outside(list, anyOf(alternatives), true) : Array.from(doc.querySelectorAll(anyOf(alternatives))).filter(live);
    for (let i = found.length - 1; i >= 0; i--) {
      const el = found[i] as Element;
      const text = systemText(el);
      if (!text) continue;
      const known = knownIn(el, text);
      if (known && !known.entry.label) return { notice: notice(known.text, source, known.entry), entry: known.entry };
      if (!known && source === 'toast' && sendFailed) unknown ??= notice(text, source, null);
    }
  }
  return unknown ? { notice: unknown, entry: null } : null;
}

/**
 * TikTok's full-page states (region > rate limit > error > login), recognised by their own
 * containers, or by a short main area with no inbox and nothing typeable around it. Words inside
 * an inbox never make a page state: a friend's bubble saying "Too many requests" is not one.
 */
export function pageState(doc: Document): { page: PageKind; notice: Notice | null } | null {
  const roots = Array.from(doc.querySelectorAll(anyOf(SELECTORS.pageState))).filter(live);
  if (roots.length === 0) {
    const main = doc.querySelector('main') ?? first(doc, SELECTORS.inboxRoot) ?? doc.body;
    const typeable = main?.querySelector(anyOf(SELECTORS.typing.slice(0, 2)));
    if (main && !typeable && collapse(main.textContent).length <= PAGE_TEXT_MAX) roots.push(main);
  }
  let best: { page: PageKind; rank: number; text: string; entry: NoticeText } | null = null;
  for (const root of roots) {
    walkText(root, (text) => {
      const entry = findNoticeText(text);
      const rank = entry?.page ? PAGE_RANK[entry.page] : undefined;
      if (entry?.page && rank !== undefined && (!best || rank < best.rank)) best = { page: entry.page, rank, text, entry };
      return best?.rank === 0;
    });
  }
  const found = best as { page: PageKind; text: string; entry: NoticeText } | null;
  if (found) return { page: found.page, notice: found.entry.label ? null : notice(found.text, 'page', found.entry) };
  const loginPage = has(doc, SELECTORS.loginButton) || doc.getElementById('loginContainer') !== null;
  return loginPage ? { page: 'login', notice: null } : null;
}

/** The unsupported-message placeholder in the list; `roots` narrows the look to the parts of it
 * that held the hint's words when they were added (src/page/row-index.ts). */
export function unsupportedShown(list: Element | null, roots?: readonly Element[]): boolean {
  if (!list) return false;
  const scope = new Set<Element>();
  for (const root of roots ?? [list]) {
    if (root.contains(list)) scope.add(list);
    else if (list.contains(root)) scope.add(root);
  }
  for (const root of Array.from(scope)) if (placeholderIn(root)) return true;
  return false;
}

function placeholderIn(root: Element): boolean {
  if (!(root.textContent ?? '').includes(UNSUPPORTED_HINT)) return false;
  const bubble = anyOf(SELECTORS.messageText);
  let shown = false;
  walkText(
    root,
    (text, node) => {
      if (!text.includes(UNSUPPORTED_HINT)) return false;
      // the sentence may be split by a link: try the text's element and two ancestors
      for (let el = node.parentElement, up = 0; el && up < 3 && !shown; el = el.parentElement, up++) {
        if (el.closest(bubble)) break; // a person's message quoting the sentence
        shown = findNoticeText(collapse(el.textContent))?.causeId === 'unsupported-on-web';
      }
      return shown;
    },
    200_000,
  );
  return shown;
}
