import type { PageReport } from '../contracts/page-report';
import { chatHandle, chatPanel, failedRows, isOwnRow, scanPage, type PageScan } from '../page/read-page';
import { messageList } from '../page/landmarks';
import { createRowIndex, type RowIndex } from '../page/row-index';
import { anyOf, SELECTORS } from '../page/selectors';
import { failureId } from '../page/failure-id';
import { whereOf } from '../tiktok/routes';

// Live watching of /messages. A MutationObserver on the narrowest stable root (the chat panel
// once it exists, the body until then) for its structure, and one for text edited in place only
// beside the message list and in filled warning slots. Their records keep a row index
// (src/page/row-index.ts): the warning slots with content, rows without a slot, where the
// unsupported placeholder may be — so a busy chat costs work in proportion to what changed, never a
// query over all its rows. A failure marker appearing scans the page at once (the hint's latency);
// a change a scan reads (a slot, a row below the failure, anything outside the message list) a
// throttled scan (≥ 300 ms apart); history rows mounted above and reactions in bubbles nothing at
// all, texts edited in bubbles not even a record. A 1 s watchdog re-attaches when TikTok replaces
// the panel and scans for page-level changes (toasts, dialogs) outside it.

export const UNRECOGNISED_AFTER_MS = 5000;
const THROTTLE_MS = 300;
const ROW_SEL = anyOf(SELECTORS.messageRow);
const LIST_SEL = anyOf(SELECTORS.messageList);

export interface Timers {
  setTimeout(fn: () => void, ms: number): number;
  setInterval(fn: () => void, ms: number): number;
  clearTimeout(id: number): void;
  clearInterval(id: number): void;
}

export interface Watcher {
  stop(): void;
  /** the element a hint should sit next to, or null */
  anchor(): Element | null;
}

export function watchMessages(doc: Document, timers: Timers, report: (r: PageReport) => void, pageId = ''): Watcher {
  const known = new Set<string>();
  let conversation: string | null = null;
  /** the detached failed row the anchor last searched a replacement for */
  let lostRow: Element | null = null;
  /** when the route or the open chat last changed: the page has 5 s to become readable */
  let openedAt = Date.now();
  let readableTimer = 0;
  /** the chat as it first rendered: its last row, and the failures already in it */
  let baseline: { last: Element | null; failed: Set<string> } | null = null;
  let root: Element | null = null;
  let scheduled = 0;
  let lastScan = 0;
  const added = { rows: 0 };
  /** the rows' state, kept from the observer's records (src/page/row-index.ts) */
  let index: RowIndex | null = null;
  /** the message list as the last scan found it */
  let list: Element | null = null;
  let seq = 0;
  let last = '';
  let latest: { id: string; fresh: boolean; at: number; row: Element } | null = null;

  /** something outside the list changed shape, or a slot filled or cleared: the text scope is redone at the next scan */
  let textsDirty = true;
  const onRecords = (records: MutationRecord[]) => {
    if (!index) return;
    const change = index.update(records, list, latest?.row ?? null);
    added.rows += change.rowsAdded;
    if (change.relevant || change.urgent) textsDirty = true;
    if (change.urgent) return scan();
    // nothing a scan reads changed (history rows mounted above, reactions in bubbles)
    if (!change.relevant) return;
    if (!scheduled) scheduled = timers.setTimeout(() => scan(), Math.max(0, lastScan + THROTTLE_MS - Date.now()));
  };
  // Two observers. The panel's structure (elements added and removed anywhere in it); and the text
  // edited in place, only where a scan reads it: everything beside the message list (the header's
  // handle, a notice bar) and the warning slots that have content. The words edited inside the
  // list's bubbles (a busy chat's most frequent change) make no record at all.
  const observer = new MutationObserver(onRecords);
  const texts = new MutationObserver(onRecords);

  function attach(): void {
    const panel = chatPanel(doc) ?? doc.body;
    if (panel === root) return;
    observer.disconnect();
    texts.disconnect();
    root = panel;
    if (root) observer.observe(root, { childList: true, subtree: true });
    // records before this point are gone with the old observer: read the rows once in full
    if (index) index.rebuild();
    else index = createRowIndex(doc);
    textsDirty = true;
    observeTexts(messageList(doc));
  }

  /** Observes the text edited in place beside `around` (the message list) and in the filled slots. */
  function observeTexts(around: Element | null): void {
    if (!textsDirty || !root) return;
    textsDirty = false;
    // what is still pending was read by the scan that is running (or is about to run)
    const pending = texts.takeRecords();
    if (pending.length) index?.update(pending, list, latest?.row ?? null);
    texts.disconnect();
    const opts = { characterData: true, subtree: true };
    if (!around || around === root || !root.contains(around)) {
      texts.observe(root, opts);
      return;
    }
    // every subtree of the panel except the list's: the list's siblings, its parent's siblings, …
    for (let el: Element = around; el !== root && el.parentElement; el = el.parentElement)
      for (let sib = el.parentElement.firstChild; sib; sib = sib.nextSibling) if (sib !== el) texts.observe(sib, opts);
    for (const slot of index?.filledSlots() ?? []) texts.observe(slot, opts);
  }

  let unsupported = false;
  /** who sent a failed row, asked once per row (it may read the row's computed style) */
  const own = new WeakMap<Element, boolean>();
  const isOwn = (row: Element): boolean => {
    const known = own.get(row);
    if (known !== undefined) return known;
    const mine = isOwnRow(row);
    own.set(row, mine);
    return mine;
  };
  /** `deep`: also look for the unsupported-message placeholder (reads the whole list's text). */
  function scan(deep = false): void {
    if (scheduled) timers.clearTimeout(scheduled);
    scheduled = 0;
    lastScan = Date.now();
    try {
      attach();
      const conv = conversationKey();
      // the chat's last row only when a chat starts (it queries every row)
      const rows = index?.rows(!baseline || conv !== conversation);
      const result = scanPage(doc, { deep, rows, unsupportedRoots: index?.unsupportedRoots(), isOwn });
      const nowList = messageList(doc);
      if (nowList !== list) textsDirty = true;
      list = nowList;
      observeTexts(list);
      if (deep) unsupported = result.observation.unsupportedMessage;
      emit(conv, { ...result, observation: { ...result.observation, unsupportedMessage: unsupported } });
    } catch (err) {
      // Never throw into TikTok's page.
      console.debug('[dm-doctor] scan failed', err);
    }
  }

  const conversationKey = () => `${new URL(doc.location.href).searchParams.get('u') ?? ''}|${chatHandle(doc) ?? ''}`;

  function emit(conv: string, { observation: obs, failed: rows, lastRow, unreadable }: PageScan): void {
    if (conv !== conversation) {
      conversation = conv;
      openedAt = Date.now();
      known.clear();
      latest = null;
      baseline = null;
      // the new chat gets 5 s to become readable, then says so (one scan at the deadline)
      if (readableTimer) timers.clearTimeout(readableTimer);
      readableTimer = timers.setTimeout(() => scan(), UNRECOGNISED_AFTER_MS + 50);
    }
    // Earlier vs fresh, by position: the chat's rows as it first rendered (and any failure among
    // them) are history; a failed own row below the last of them is a fresh send, even a second
    // after the chat opened; rows mounted above it (scrolling back) are history.
    const batch = added.rows > 3;
    added.rows = 0;
    if (!baseline && lastRow) baseline = { last: lastRow, failed: new Set(rows.map((row) => failureId(conv, row))) };
    const newIds = new Set<string>();
    for (const row of rows) {
      const id = failureId(conv, row);
      if (!known.has(id)) newIds.add(id);
      known.add(id);
    }
    // The failure that matters is the last one on the page, not the last one noticed: an older
    // failed bubble mounted above it while scrolling back is history.
    const bottom = rows[rows.length - 1];
    if (bottom) {
      const id = failureId(conv, bottom);
      if (latest?.id === id) latest.row = bottom;
      else latest = { id, fresh: newIds.has(id) && isFresh(bottom, id, batch), at: Date.now(), row: bottom };
    }
    const pageState = obs.page !== 'inbox' && obs.page !== 'unknown';
    const recognition =
      pageState || unreadable === null ? 'recognized' : Date.now() - openedAt >= UNRECOGNISED_AFTER_MS ? 'unrecognized' : 'waiting';
    const r: PageReport = {
      where: whereOf(doc.location.href),
      topFrame: doc.defaultView === doc.defaultView?.top,
      onMessages: true,
      recognition,
      reason: recognition === 'unrecognized' ? unreadable : null,
      observation: obs,
      failureId: latest?.id ?? null,
      fresh: latest?.fresh ?? false,
      cleared: latest ? sentAfter(latest.row, rows) : false,
      failureAt: latest?.at ?? null,
      seq,
      pageId,
    };
    const key = JSON.stringify({ ...r, seq: 0 });
    if (key === last) return;
    last = key;
    seq++;
    report({ ...r, seq });
  }

  /** Below the chat's first-rendered last row (or that row itself, failing after it rendered). */
  function isFresh(row: Element, id: string, batch: boolean): boolean {
    if (!baseline || baseline.failed.has(id)) return false;
    const anchor = baseline.last;
    if (!anchor?.isConnected) return !batch; // TikTok unmounted it: a lone new failure is fresh, a batch is history
    return row === anchor || row.contains(anchor) || (anchor.compareDocumentPosition(row) & 4) !== 0; // 4: FOLLOWING
  }

  /** A later own message that did not fail clears the problem. */
  function sentAfter(failed: Element, failedNow: Element[]): boolean {
    if (!failed.isConnected) return false;
    const failedSet = new Set(failedNow);
    // Walk what follows the failed row (its next siblings, then its wrappers' next siblings, up to
    // the message list): cheap when the failure is near the bottom, where it usually is.
    const row = failed.closest(ROW_SEL) ?? failed;
    for (let el: Element | null = row, up = 0; el && up < 4 && !el.matches(LIST_SEL); el = el.parentElement, up++) {
      for (let sib = el.nextElementSibling; sib; sib = sib.nextElementSibling) {
        const rows = sib.matches(ROW_SEL) ? [sib] : Array.from(sib.querySelectorAll(ROW_SEL));
        if (rows.some((r) => !failedSet.has(r) && isOwnRow(r))) return true;
      }
    }
    return false;
  }

  const watchdog = timers.setInterval(() => {
    if (!root?.isConnected || chatPanel(doc) !== root) attach();
    if (Date.now() - lastDeep >= 2900 || Date.now() - lastScan >= 900) {
      lastDeep = Date.now();
      scan(true);
    }
  }, 1000);
  let lastDeep = Date.now();
  scan(true);

  return {
    stop() {
      observer.disconnect();
      texts.disconnect();
      timers.clearInterval(watchdog);
      if (readableTimer) timers.clearTimeout(readableTimer);
      if (scheduled) timers.clearTimeout(scheduled);
      root = null;
    },
    anchor() {
      // TikTok re-rendered the chat (React remounting it): the same failure is a new element now
      // (looked for once per lost element: a row that is really gone is not searched for again)
      if (latest && !latest.row.isConnected && conversation !== null && lostRow !== latest.row) {
        lostRow = latest.row;
        const id = latest.id;
        const again = failedRows(doc).find((row) => failureId(conversation!, row) === id);
        if (again) latest.row = again;
      }
      return latest?.row.isConnected ? latest.row : null;
    },
  };
}
