import type { PageReport } from '../messaging/page-report';
import type { PageObservation } from './observation';
import { chatHandle, chatPanel, failedRows, isOwnRow, readPage, messageRows } from './read-page';
import { failureId } from './failure-id';
import { whereOf } from './route';

// Live watching of /messages. One MutationObserver on the narrowest stable root (the chat panel
// once it exists, the body until then). The callback only marks the page dirty; the scan runs in
// a coalesced timer. A 1 s watchdog re-attaches when TikTok replaces the panel and catches page-level
// changes (toasts, dialogs) outside it.

export const UNRECOGNISED_AFTER_MS = 5000;
const SCAN_DELAY_MS = 16;
const HISTORY_SETTLE_MS = 1500;

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
  rescan(): void;
}

export function watchMessages(doc: Document, timers: Timers, report: (r: PageReport) => void): Watcher {
  const startedAt = Date.now();
  const known = new Set<string>();
  let conversation: string | null = null;
  let openedAt = 0;
  let rowCount = 0;
  let root: Element | null = null;
  let scheduled = 0;
  let seq = 0;
  let last = '';
  let latest: { id: string; fresh: boolean; at: number; row: Element } | null = null;

  const observer = new MutationObserver(() => {
    if (!scheduled) scheduled = timers.setTimeout(scan, SCAN_DELAY_MS);
  });

  function attach(): void {
    const panel = chatPanel(doc) ?? doc.body;
    if (panel === root) return;
    observer.disconnect();
    root = panel;
    if (root) observer.observe(root, { childList: true, subtree: true, characterData: true });
  }

  function scan(): void {
    scheduled = 0;
    try {
      attach();
      emit(readPage(doc));
    } catch (err) {
      // Never throw into TikTok's page.
      console.debug('[dm-doctor] scan failed', err);
    }
  }

  function emit(obs: PageObservation): void {
    const conv = `${new URL(doc.location.href).searchParams.get('u') ?? ''}|${chatHandle(doc) ?? ''}`;
    const switched = conv !== conversation;
    if (switched) {
      conversation = conv;
      openedAt = Date.now();
      known.clear();
      latest = null;
    }
    const rows = failedRows(doc);
    const count = messageRows(doc).length;
    // TikTok loads a chat's history after it opens, in batches: failures that arrive while the
    // chat is opening, or with a batch of rows, are earlier ones; a failure that appears on its
    // own once the chat is open is fresh.
    const historyBatch = switched || Date.now() - openedAt < HISTORY_SETTLE_MS || count - rowCount > 3;
    rowCount = count;
    for (const row of rows) {
      const id = failureId(conv, row);
      if (known.has(id)) continue;
      known.add(id);
      const fresh = !historyBatch;
      latest = { id, fresh, at: Date.now(), row };
    }
    if (latest && !latest.row.isConnected) {
      const again = rows.find((r) => failureId(conv, r) === latest!.id);
      if (again) latest.row = again;
    }
    const recognised = obs.generation !== 'unknown' || obs.page !== 'unknown';
    const recognition = recognised ? 'recognized' : Date.now() - startedAt >= UNRECOGNISED_AFTER_MS ? 'unrecognized' : 'waiting';
    const r: PageReport = {
      where: whereOf(doc.location.href),
      topFrame: doc.defaultView === doc.defaultView?.top,
      onMessages: true,
      recognition,
      observation: obs,
      failureId: latest?.id ?? null,
      fresh: latest?.fresh ?? false,
      cleared: latest ? sentAfter(latest.row) : false,
      failureAt: latest?.at ?? null,
      seq,
    };
    const key = JSON.stringify({ ...r, seq: 0 });
    if (key === last) return;
    last = key;
    seq++;
    report({ ...r, seq });
  }

  /** A later own message that did not fail clears the problem. */
  function sentAfter(failed: Element): boolean {
    if (!failed.isConnected) return false;
    const rows = messageRows(doc);
    const failedSet = new Set(failedRows(doc));
    for (let i = rows.length - 1; i >= 0; i--) {
      const row = rows[i]!;
      if (row === failed || row.contains(failed)) return false;
      if (isOwnRow(row) && !failedSet.has(row)) return true;
    }
    return false;
  }

  const watchdog = timers.setInterval(() => {
    if (!root?.isConnected || chatPanel(doc) !== root) attach();
    scan();
  }, 1000);
  const unrecognisedTimer = timers.setTimeout(scan, UNRECOGNISED_AFTER_MS + 50);
  scan();

  return {
    stop() {
      observer.disconnect();
      timers.clearInterval(watchdog);
      timers.clearTimeout(unrecognisedTimer);
      if (scheduled) timers.clearTimeout(scheduled);
      root = null;
    },
    anchor() {
      return latest?.row.isConnected ? latest.row : null;
    },
    rescan: scan,
  };
}
