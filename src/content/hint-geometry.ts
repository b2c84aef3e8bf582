import { anyOf, SELECTORS } from '../page/selectors';
import { isOwnRow } from '../page/landmarks';
import { outside } from '../page/dom';
import type { Box, PlaceInput } from './hint-place';

// Reads the boxes the hint's placement needs, all in one go (called only inside an animation frame,
// never from a MutationObserver callback, so TikTok's own DOM work is never forced to lay out early).
// Bounded: the failed row, at most NEAR rows on each side of it, the header, the notices, the
// composer. Reads only; nothing is written to TikTok's nodes.

const ROW = anyOf(SELECTORS.messageRow);
const SLOT = anyOf(SELECTORS.warningSlot);
const AREA = anyOf(SELECTORS.messageArea);
const TIP = anyOf(SELECTORS.sendFailTip);
const HEADER = anyOf(SELECTORS.chatHeader);
const PANEL = anyOf(SELECTORS.chatPanel);
const LIST = anyOf(SELECTORS.messageList);
const BOTTOM = anyOf([...SELECTORS.requestBox, ...SELECTORS.chatBottom, ...SELECTORS.composer]);
/** rows read on each side of the failed one: more than a hint's height plus REACH */
const NEAR = 10;

const rect = (el: Element): Box | null => {
  const r = el.getBoundingClientRect();
  return r.width > 0 || r.height > 0 ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom } : null;
};
const boxes = (els: Iterable<Element>): Box[] => Array.from(els, rect).filter((b): b is Box => b !== null);

/**
 * Up to NEAR message rows on each side of `row`, walking its siblings (never a query over the whole
 * list: a chat can hold thousands of rows). A row wrapped alone in an element is found through it.
 */
export function neighbours(row: Element): Element[] {
  return around(row).rows;
}

/** The rows near `row` and every sibling element visited to find them (where a notice may sit). */
function around(row: Element): { rows: Element[]; visited: Element[] } {
  let item = row;
  // an only child (no element beside it: `childElementCount` would count a long chat's rows one by one)
  while (item.parentElement && !item.previousElementSibling && !item.nextElementSibling && !item.parentElement.matches(PANEL))
    item = item.parentElement;
  const rows: Element[] = [];
  const visited: Element[] = [item];
  for (const step of ['previousElementSibling', 'nextElementSibling'] as const) {
    let n = 0;
    for (let el = item[step]; el && n < NEAR; el = el[step]) {
      visited.push(el);
      const found = el.matches(ROW) ? el : el.querySelector(ROW);
      if (found) {
        rows.push(found);
        n++;
      }
    }
  }
  return { rows, visited };
}

/** The row's message (its bubble), else the row itself. */
const bubbleOf = (row: Element): Element => row.querySelector(AREA) ?? row;

/**
 * Everything placement needs except the hint's own size. `row`: the failed message row (the
 * watcher's anchor) or null; `bottom`: the blocked composer / request box when there is no row.
 */
export function readGeometry(doc: Document, row: Element | null, bottom: Element | null): Omit<PlaceInput, 'size'> {
  const view = doc.defaultView;
  const panel = (row ?? bottom)?.closest(PANEL) ?? doc.querySelector(PANEL);
  const scope: ParentNode = panel ?? doc;
  const avoid: Box[] = [];
  const prefer: Box[] = [];
  let icon: Box | null = null;
  let seen: Element[] = [];
  if (row) {
    const slot = row.querySelector(SLOT);
    const mark = slot?.querySelector('svg') ?? slot;
    icon = mark ? rect(mark) : null;
    const own = bubbleOf(row);
    const b = rect(own);
    if (b) prefer.push(b);
    const near = around(row);
    seen = near.visited;
    for (const n of near.rows) {
      const nb = rect(bubbleOf(n));
      if (!nb) continue;
      (isOwnRow(n) ? prefer : avoid).push(nb);
    }
  }
  // With a failed row, nothing is queried over the whole message list: the notices among the siblings
  // visited around the row, and what sits outside the list (a notice bar, the header, the composer).
  const list = row?.closest(LIST) ?? null;
  const tips = (el: Element) => (el.matches(TIP) ? [el] : Array.from(el.querySelectorAll(TIP)));
  const found = list
    ? [...seen.flatMap(tips), ...outside(list, TIP, true), ...outside(list, HEADER, true)]
    : [...Array.from(scope.querySelectorAll(TIP)), ...Array.from(scope.querySelectorAll(HEADER))];
  const notices = found.filter((n) => n.matches(TIP) && !n.parentElement?.closest(TIP));
  avoid.push(...boxes(found.filter((n) => !n.matches(TIP) || notices.includes(n))));
  const composer = bottom ?? (list ? (outside(list, BOTTOM, false)[0] ?? null) : scope.querySelector(BOTTOM));
  const composerBox = composer ? rect(composer) : null;
  if (composerBox) avoid.push(composerBox);
  // With no failed row on screen: next to the blocked composer, else TikTok's notice bar.
  const target = icon ? null : (composerBox ?? (notices[0] ? rect(notices[0]) : null));
  const rtl = (doc.documentElement.getAttribute('dir') ?? view?.getComputedStyle(doc.documentElement).direction) === 'rtl';
  return {
    viewport: {
      width: doc.documentElement.clientWidth || view?.innerWidth || 0,
      height: doc.documentElement.clientHeight || view?.innerHeight || 0,
    },
    icon,
    target,
    avoid,
    prefer,
    chat: panel ? rect(panel) : null,
    rtl,
  };
}
