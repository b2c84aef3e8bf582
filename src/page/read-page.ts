import type { UnreadableReason } from '../contracts/page-report';
import { overlayNotice, pageState, unsupportedShown } from './page-level';
import { first, firstBeside, has, safe, systemText, walkText } from './dom';
import { failureNotice, notice } from './find-notice';
import { isOwnRow, messageList, scanRows, type RowScan } from './landmarks';
import { findNoticeText } from './notice-texts';
import type { ComposerState, Generation, Notice, PageKind, PageObservation } from '../contracts/observation';
import { anyOf, GENERATION_MARKERS, INBOX_MARKERS, SELECTORS, type Selectors } from './selectors';

export { chatHandle, chatPanel, composerArea, failedRows, isOwnRow } from './landmarks';

// Reads TikTok's /messages page into a PageObservation. Pure: a function of the DOM only.
// Text is read only from system containers (notice tips, warning slots, toasts, dialogs, the bar
// that replaces the composer, TikTok's full-page states); never from message bubbles, inputs or
// contenteditables, and not at all when nothing of the page is recognised.
// "Seeing": the observation is trusted to mean "no problem" only when the failure surface is
// positively recognised (DESIGN.md); otherwise the scan says why it cannot see.

function generationOf(doc: Document, list: Element | null): Generation {
  if (firstBeside(doc, list, GENERATION_MARKERS['dm-new'])) return 'dm-new';
  if (firstBeside(doc, list, GENERATION_MARKERS.legacy)) return 'legacy';
  // a page with only a message list: its rows decide
  if (list && has(list, GENERATION_MARKERS['dm-new'])) return 'dm-new';
  if (list && has(list, GENERATION_MARKERS.legacy)) return 'legacy';
  return 'unknown';
}

/** A recognised part of an open chat (a composer state is only claimed then). */
function isChatOpen(doc: Document, list: Element | null): boolean {
  const beside = (a: Selectors) => firstBeside(doc, list, a) !== null;
  return (
    list !== null ||
    beside(SELECTORS.chatHeader) ||
    beside(SELECTORS.chatHandle) ||
    beside(SELECTORS.chatBottom) ||
    beside(SELECTORS.composer) ||
    beside(SELECTORS.requestBox) ||
    beside(SELECTORS.editor)
  );
}

/** Any sign that a chat is open even when none of its parts is recognised: something to type
 * into inside the inbox, or a conversation in the URL (`?u=`). Only for the seeing contract. */
function chatHinted(doc: Document, list: Element | null): boolean {
  if (firstBeside(doc, list, SELECTORS.typing.slice(0, 1))) return true;
  return safe(() => new URL(doc.location.href).searchParams.has('u'), false);
}

function composerOf(doc: Document, list: Element | null, chatOpen: boolean): { state: ComposerState; note: Notice | null; seen: boolean } {
  if (!chatOpen) return { state: 'no-chat', note: null, seen: false };
  const beside = (a: Selectors) => firstBeside(doc, list, a);
  // The request box's title names the stranger: its text is never read.
  if (beside(SELECTORS.requestBox)) return { state: 'request-box', note: null, seen: true };
  if (beside(SELECTORS.editor) || beside(SELECTORS.typing.slice(0, 1))) return { state: 'present', note: null, seen: true };
  const bar = beside(SELECTORS.chatBottom) ?? beside(SELECTORS.composer);
  // A bar with anything typeable in it holds a draft: never read (systemText says '').
  const text = bar ? systemText(bar) : '';
  if (!text) return { state: 'missing', note: null, seen: bar !== null };
  const entry = findNoticeText(text);
  return { state: entry?.causeId === 'blocked' ? 'block-note' : 'missing', note: notice(text, 'composer', entry), seen: true };
}

/**
 * Whether the failure surface is positively recognised. With a chat open: the message list and
 * the warning slot of every rendered row (the composer alone only while the chat has no rows);
 * with no chat open: the conversation list.
 */
function seeingOf(doc: Document, list: Element | null, rows: RowScan, chatOpen: boolean, composerSeen: boolean): UnreadableReason | null {
  if (!chatOpen)
    return firstBeside(doc, list, SELECTORS.conversationList) || firstBeside(doc, list, SELECTORS.conversationRow) ? null : 'page-changed';
  if (rows.any) return list && rows.slotless === 0 ? null : 'chat-unreadable';
  // no recognised row: the chat must look empty, with its composer (or what replaces it) seen
  const panel = first(doc, SELECTORS.chatPanel);
  const content = list ?? panel;
  const looksEmpty = content ? !hasOtherContent(content) : false;
  return composerSeen && looksEmpty ? null : 'chat-unreadable';
}

const CHAT_CHROME = anyOf([
  ...SELECTORS.chatHeader,
  ...SELECTORS.chatHandle,
  ...SELECTORS.chatBottom,
  ...SELECTORS.composer,
  ...SELECTORS.requestBox,
]);

/** Anything in `root` besides the header and the composer area (rows we could not recognise). */
function hasOtherContent(root: Element): boolean {
  const skip = CHAT_CHROME;
  let found = false;
  walkText(
    root,
    () => (found = true),
    2000,
    (el) => el.matches(skip),
  );
  if (found) return true;
  return Array.from(root.querySelectorAll('img, video')).some((el) => !el.closest(skip));
}

export interface PageScan {
  observation: PageObservation;
  /** failed rows, in DOM order */
  failed: Element[];
  /** the last message row (telling history from fresh sends), null when none */
  lastRow: Element | null;
  /** null when the failure surface is recognised; otherwise why the page cannot be read */
  unreadable: UnreadableReason | null;
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

function read(doc: Document, rows: RowScan, deep: boolean, opts: ScanOptions): Omit<PageScan, 'failed' | 'lastRow'> {
  const failed = rows.failed;
  const list = messageList(doc);
  const generation = generationOf(doc, list);
  const inbox = generation !== 'unknown' || has(doc, INBOX_MARKERS) || rows.any;
  const chatOpen = inbox && isChatOpen(doc, list);
  const composer = composerOf(doc, list, chatOpen);
  const unreadable = inbox ? seeingOf(doc, list, rows, chatOpen || chatHinted(doc, list), composer.seen) : 'page-changed';
  const observation: PageObservation = {
    ...EMPTY,
    failures: { total: failed.length, own: failed.filter(opts.isOwn ?? isOwnRow).length },
    generation,
    chatOpen,
    composer: composer.state,
  };
  if (!inbox) {
    // Nothing of the inbox: only TikTok's own full-page states are read; else no text at all.
    const state = safe(() => pageState(doc), null);
    const overlay = safe(() => overlayNotice(doc, null, false), null);
    if (overlay?.entry?.page === 'rate-limited')
      return { observation: { ...observation, page: 'rate-limited', notice: overlay.notice }, unreadable: null };
    if (state) return { observation: { ...observation, page: state.page, notice: state.notice }, unreadable: null };
    return { observation, unreadable };
  }
  const overlay = safe(() => overlayNotice(doc, list, failed.length > 0), null);
  // A captcha or "too many requests" over the inbox blocks it: that is a rate-limit page.
  const page: PageKind = overlay?.entry?.page === 'rate-limited' ? 'rate-limited' : 'inbox';
  const panel = first(doc, SELECTORS.chatPanel) ?? list; // chatPanel(), without finding the list again
  const tip = safe(() => failureNotice({ doc, list, panel, failed, rowsSeen: unreadable === null }), null);
  return {
    observation: {
      ...observation,
      page,
      notice: tip ?? composer.note ?? overlay?.notice ?? null,
      unsupportedMessage: deep && unreadable === null && safe(() => unsupportedShown(list, opts.unsupportedRoots), false),
    },
    unreadable: page === 'rate-limited' ? null : unreadable,
  };
}

export interface ScanOptions {
  /** also look for the unsupported-message placeholder (default true) */
  deep?: boolean;
  /** the rows' state when the caller keeps it (src/page/row-index.ts); else the rows are queried */
  rows?: RowScan;
  /** where the placeholder can be (row-index); else the whole list */
  unsupportedRoots?: readonly Element[];
  /** the own-row test, when the caller remembers its answers (a row's sender never changes) */
  isOwn?: (row: Element) => boolean;
}

/**
 * The observation, the failed rows it counted and whether the page can be seen (one pass over
 * the rows for all three: the watcher needs them all). `deep: false` skips the one look that
 * reads the whole message list's text (the unsupported-message placeholder). Never throws (a damaged
 * page reads as 'unknown').
 */
export function scanPage(doc: Document, opts: ScanOptions = {}): PageScan {
  const rows = opts.rows ?? scanRows(doc);
  try {
    return { ...read(doc, rows, opts.deep ?? true, opts), failed: rows.failed, lastRow: rows.last };
  } catch {
    return {
      observation: { ...EMPTY, failures: { ...EMPTY.failures } },
      failed: rows.failed,
      lastRow: rows.last,
      unreadable: 'page-changed',
    };
  }
}
