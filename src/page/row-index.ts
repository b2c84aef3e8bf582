import { live } from './dom';
import { isFailedSlot, type RowScan } from './landmarks';
import { UNSUPPORTED_HINT } from './page-level';
import { anyOf, SELECTORS } from './selectors';

// The rows' state of a chat, kept from MutationObserver records instead of queried: a busy chat
// (thousands of rows, a thousand mutations a second) then costs work in proportion to what changed,
// not to its length. It gives what `scanRows(doc)` gives — the failed rows in DOM order, whether
// any row is mounted, how many have no warning slot — and is rebuilt from the DOM in full only when
// the observed root changes. Holds no message text: elements only, and only the few that matter
// (warning slots with content, rows without a slot, subtrees that may hold the unsupported-message
// placeholder), never one entry per row.

const ROW = anyOf(SELECTORS.messageRow);
const SLOT = anyOf(SELECTORS.warningSlot);
/** A send-fail tip: with content in a warning slot, what a failure looks like as it appears. */
const TIP = anyOf(SELECTORS.sendFailTip);
/** a message's own area (its words, media, reactions): holds no row, slot or notice (see src/page/dom.ts) */
const AREA = anyOf(SELECTORS.messageArea);

/** more rows than this in one record: a chat rendered in place or scrolled back, not a message */
const BATCH = 3;

export interface RowChange {
  /** a failure marker appeared (scan at once) */
  urgent: boolean;
  /** something a scan reads changed: a slot's content, a row without a slot, a row after `after`, or anything outside the list */
  relevant: boolean;
  /** message rows mounted by these records */
  rowsAdded: number;
}

export interface RowIndex {
  /** reads the whole document again (a new root, a new chat) */
  rebuild(): void;
  /** applies one batch of records; `list` is the message list as last seen, `after` the failed row that matters */
  update(records: MutationRecord[], list: Element | null, after: Element | null): RowChange;
  /** the same answer as `scanRows(doc)`, from the index (`last` only when asked: it queries every row) */
  rows(withLast?: boolean): RowScan;
  /** elements whose text held the unsupported-message hint when they were added (checked on a deep scan) */
  unsupportedRoots(): Element[];
  /** the warning slots that have content (their text is watched for edits made in place) */
  filledSlots(): Element[];
}

const ANY = `${ROW}, ${SLOT}, ${TIP}`;
/** how far up from a changed node a warning slot is looked for (a slot holds an icon or a short text) */
const SLOT_DEPTH = 3;

interface Found {
  rows: Element[];
  slots: Element[];
  tip: boolean;
}

/** The rows, warning slots and send-fail tips in `node` and its subtree: one native query (none for a leaf). */
function inside(node: Element): Found {
  const found: Found = { rows: [], slots: [], tip: false };
  const sort = (el: Element) => {
    if (el.matches(ROW)) found.rows.push(el);
    if (el.matches(SLOT)) found.slots.push(el);
    if (!found.tip && el.matches(TIP)) found.tip = true;
  };
  if (node.matches(ANY)) sort(node);
  if (node.firstElementChild === null) return found;
  const list = node.querySelectorAll(ANY);
  for (let i = 0; i < list.length; i++) sort(list[i] as Element);
  return found;
}

/** The warning slot `el` is or sits in, looked for a few levels up only (see SLOT_DEPTH). */
function slotOf(el: Element | null): Element | null {
  for (let up = 0; el && up <= SLOT_DEPTH; el = el.parentElement, up++) if (el.matches(SLOT)) return el;
  return null;
}

const hasSlot = (row: Element): boolean => row.matches(SLOT) || row.querySelector(SLOT) !== null;

export function createRowIndex(doc: Document): RowIndex {
  /** warning slots with content (failed, or a wrapper of a slot): usually none or a few */
  const filled = new Set<Element>();
  /** mounted rows without a warning slot: none on a page that is seen */
  const slotless = new Set<Element>();
  const unsupported = new Set<Element>();

  const touchSlot = (slot: Element) => {
    if (slot.isConnected && slot.firstChild !== null) filled.add(slot);
    else filled.delete(slot);
  };
  const touchRow = (row: Element) => {
    if (row.isConnected && !hasSlot(row)) slotless.add(row);
    else slotless.delete(row);
  };
  const filledHolding = (node: Node): Element | null => {
    for (const slot of filled) if (slot.contains(node)) return slot;
    return null;
  };
  /** the rows around `el` (itself and every row it sits in) */
  const rowsAround = (el: Element | null, visit: (row: Element) => void) => {
    for (let r = el?.closest(ROW) ?? null; r; r = r.parentElement?.closest(ROW) ?? null) visit(r);
  };

  function rebuild(): void {
    filled.clear();
    slotless.clear();
    unsupported.clear();
    for (const slot of Array.from(doc.querySelectorAll(SLOT))) if (slot.firstChild !== null) filled.add(slot);
    for (const row of Array.from(doc.querySelectorAll(ROW))) if (!hasSlot(row)) slotless.add(row);
    // the text nodes holding the placeholder's words (walked only when the page has them at all)
    if (!(doc.body?.textContent ?? '').includes(UNSUPPORTED_HINT)) return;
    const walker = doc.createTreeWalker(doc.body, 4); // 4: NodeFilter.SHOW_TEXT
    for (let node = walker.nextNode(); node; node = walker.nextNode())
      if ((node.nodeValue ?? '').includes(UNSUPPORTED_HINT) && node.parentElement) unsupported.add(node.parentElement);
  }

  function update(records: MutationRecord[], list: Element | null, after: Element | null): RowChange {
    const change: RowChange = { urgent: false, relevant: false, rowsAdded: 0 };
    const before = { filled: filled.size, slotless: slotless.size };
    /** an element left the page: the last rows may be gone */
    let removedAny = false;
    const slotChanged = (slot: Element | null) => {
      if (!slot) return;
      change.urgent = true; // content changed inside a warning slot
      touchSlot(slot);
    };
    for (const rec of records) {
      const text = rec.type === 'characterData';
      const target = text ? rec.target.parentElement : (rec.target as Element);
      if (target?.nodeType !== 1) continue;
      const inList = !!list?.contains(target);
      if (!inList) change.relevant = true;
      if (text) {
        // a text edited in place is in a slot only if that slot already has content (it holds the text)
        if (filled.size) slotChanged(filledHolding(rec.target));
        // the placeholder is a row's: text beside the list (a draft in the composer) is never read
        if (inList && (rec.target.nodeValue ?? '').includes(UNSUPPORTED_HINT)) unsupported.add(target);
        continue;
      }
      if (target !== list) {
        // inside a message's own area (a reaction toggled, media loaded): nothing the index holds can
        // come or go there, and its elements are not looked into; only a placeholder's words are seen
        if (target.closest(AREA) !== null) {
          for (let i = 0; i < rec.addedNodes.length; i++) {
            const node = rec.addedNodes[i] as Node;
            if (node.nodeType === 3 && (node.nodeValue ?? '').includes(UNSUPPORTED_HINT)) unsupported.add(target);
          }
          continue;
        }
        // (the list itself is in no slot: rows added or removed there skip this walk up)
        slotChanged(slotOf(target));
      }
      const removed = rec.removedNodes;
      for (let i = 0; i < removed.length; i++) {
        const node = removed[i] as Node;
        if (node.nodeType !== 1) continue;
        const el = node as Element;
        removedAny = true;
        // No query over what left: the few slots and rows the index holds that were inside it are
        // dropped (a row that leaves is usually a history row above, holding neither).
        if (filled.size) for (const s of filled) if (el.contains(s)) filled.delete(s);
        if (slotless.size) for (const r of slotless) if (el.contains(r)) slotless.delete(r);
        // a slot taken out of a row that stays (the row has no slot now)
        if (target !== list && hasSlot(el) && !el.matches(ROW) && el.querySelector(ROW) === null) rowsAround(target, touchRow);
      }
      for (let i = 0; i < rec.addedNodes.length; i++) {
        const node = rec.addedNodes[i] as Node;
        if (node.nodeType === 3) {
          if ((node.nodeValue ?? '').includes(UNSUPPORTED_HINT)) unsupported.add(target);
          continue;
        }
        // an element already gone again (mounted and unmounted within one task): nothing to hold
        if (node.nodeType !== 1 || !node.isConnected) continue;
        const el = node as Element;
        const { rows, slots, tip } = inside(el);
        if (tip) change.urgent = true;
        change.rowsAdded += rows.length;
        if (rows.length > BATCH) change.relevant = true;
        for (const r of rows) {
          // its slot, if any, came with it: found by the same query (no second one per row)
          if (slots.some((slot) => r.contains(slot))) slotless.delete(r);
          else slotless.add(r);
          if (after?.isConnected && (after.compareDocumentPosition(r) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0) change.relevant = true;
        }
        for (const s of slots) {
          touchSlot(s);
          if (s.firstChild !== null) change.urgent = true;
        }
        // a slot put into a row that was already there
        if (slots.length && !rows.length) rowsAround(target, touchRow);
        // the placeholder comes as a row (or in one): only rows' text is looked at
        if (rows.length && (el.textContent ?? '').includes(UNSUPPORTED_HINT)) unsupported.add(el);
      }
    }
    if (filled.size !== before.filled || slotless.size !== before.slotless || (list && !list.isConnected)) change.relevant = true;
    // the failed row that matters gone in this batch (rows removed: another chat rendered in place);
    // only asked when something left, not on every batch while it stays gone
    if (removedAny && after && !after.isConnected) change.relevant = true;
    // the last rows gone (a chat emptied or replaced by one we cannot read): the first row is found at once
    if (removedAny && !change.relevant && (list ?? doc).querySelector(ROW) === null) change.relevant = true;
    return change;
  }

  function rows(withLast = false): RowScan {
    const failed: Element[] = [];
    const seen = new Set<Element>();
    const slots = Array.from(filled).filter((s) => s.isConnected);
    if (slots.length !== filled.size) for (const s of Array.from(filled)) if (!s.isConnected) filled.delete(s);
    // DOM order, as a query would give them (usually already: failures come in order)
    const follows = (a: Element, b: Element) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    if (slots.some((s, i) => i > 0 && !follows(slots[i - 1] as Element, s))) slots.sort((a, b) => (follows(a, b) ? -1 : 1));
    for (const slot of slots) {
      // nested matches (a slot inside a slot-like wrapper) count once, at the outermost slot
      if (slot.parentElement?.closest(SLOT) || !isFailedSlot(slot) || !live(slot)) continue;
      const owner = slot.closest(ROW) ?? slot.parentElement ?? slot;
      if (!seen.has(owner)) {
        seen.add(owner);
        failed.push(owner);
      }
    }
    for (const r of Array.from(slotless)) if (!r.isConnected) slotless.delete(r);
    const all = withLast ? doc.querySelectorAll(ROW) : null;
    const last = all ? (all[all.length - 1] ?? null) : null;
    return { failed, any: all ? all.length > 0 : doc.querySelector(ROW) !== null, slotless: slotless.size, last };
  }

  function unsupportedRoots(): Element[] {
    for (const el of Array.from(unsupported)) if (!el.isConnected) unsupported.delete(el);
    return Array.from(unsupported);
  }

  rebuild();
  return { rebuild, update, rows, unsupportedRoots, filledSlots: () => Array.from(filled) };
}
