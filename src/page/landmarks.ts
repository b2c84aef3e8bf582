import { collapse, first, firstBeside, live, safe } from './dom';
import { anyOf, SELECTORS } from './selectors';

// The landmarks of the inbox a scan needs: the chat panel, the message list, its rows and their
// warning slots, the composer area, the own-message test. Pure functions of the DOM.

const ROW = anyOf(SELECTORS.messageRow);
const SLOT = anyOf(SELECTORS.warningSlot);
const OWN_LAYOUT = anyOf(SELECTORS.ownLayout);

/** The open chat, else its message list: the narrowest stable root to observe. */
export function chatPanel(doc: Document): Element | null {
  return safe(() => first(doc, SELECTORS.chatPanel) ?? messageList(doc), null);
}

/** The message list; when only its rows are recognised, the element that holds them all. */
export function messageList(doc: Document): Element | null {
  return safe(() => {
    const list = first(doc, SELECTORS.messageList);
    if (list) return list;
    const rows = doc.querySelectorAll(ROW);
    const top = rows[0];
    const bottom = rows[rows.length - 1];
    if (!top || !bottom) return null;
    let holder = top.parentElement;
    while (holder && !holder.contains(bottom)) holder = holder.parentElement;
    // the rows' virtual wrappers: the list is the holder of the wrappers
    return holder && holder !== doc.body && holder !== doc.documentElement ? holder : null;
  }, null);
}

export interface RowScan {
  /** rows whose warning slot holds an icon or text, in DOM order */
  failed: Element[];
  /** any message row mounted */
  any: boolean;
  /** mounted rows without a recognised warning slot (a page that is seen has none) */
  slotless: number;
  /** the last row in the list (for telling history from fresh sends); null when not asked for */
  last: Element | null;
}

/** A full scan also counts the rows. */
export interface FullRowScan extends RowScan {
  rows: number;
  withSlot: number;
}

export function isFailedSlot(slot: Element): boolean {
  return slot.querySelector('svg') !== null || collapse(slot.textContent) !== '';
}

/** One pass over the rows and the warning slots of the page (two native queries). */
export function scanRows(doc: Document): FullRowScan {
  return safe(
    () => {
      const rowList = doc.querySelectorAll(ROW);
      const failed: Element[] = [];
      const seen = new Set<Element>();
      const slotted = new Set<Element>();
      for (const slot of Array.from(doc.querySelectorAll(SLOT))) {
        // nested matches (a slot inside a slot-like wrapper) count once, at the outermost slot
        if (slot.parentElement?.closest(SLOT)) continue;
        const row = slot.closest(ROW);
        for (let r = row; r; r = r.parentElement?.closest(ROW) ?? null) slotted.add(r);
        // an empty slot (every healthy row) costs one property read
        if (slot.firstChild === null || !isFailedSlot(slot) || !live(slot)) continue;
        const owner = row ?? slot.parentElement ?? slot;
        if (!seen.has(owner)) {
          seen.add(owner);
          failed.push(owner);
        }
      }
      let withSlot = 0;
      for (const row of Array.from(rowList)) if (slotted.has(row)) withSlot++;
      const rows = rowList.length;
      return { failed, any: rows > 0, slotless: rows - withSlot, rows, withSlot, last: rowList[rows - 1] ?? null };
    },
    { failed: [], any: false, slotless: 0, rows: 0, withSlot: 0, last: null },
  );
}

/** Message rows whose warning slot holds an icon or text, in DOM order. */
export function failedRows(doc: Document): Element[] {
  return scanRows(doc).failed;
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
    const list = messageList(doc);
    return (
      firstBeside(doc, list, SELECTORS.requestBox) ??
      firstBeside(doc, list, SELECTORS.chatBottom) ??
      firstBeside(doc, list, SELECTORS.composer)
    );
  }, null);
}

/** The open chat's @handle; null while loading ("@") or when no chat is open. Never part of an observation. */
export function chatHandle(doc: Document): string | null {
  return safe(() => {
    const el = first(doc, SELECTORS.chatHandle);
    const text = el ? collapse(el.textContent).slice(0, 100) : '';
    return text.startsWith('@') && text !== '@' ? text : null;
  }, null);
}
