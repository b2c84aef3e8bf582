// Where the in-page hint goes: a pure function of boxes measured in one animation frame
// (src/content/hint-geometry.ts reads them). The hint sits beside the failed message on the
// person's own side of the chat, within REACH px of its red "!", and never over what TikTok shows
// that the person needs: its notice, the other person's messages, the composer and the chat header.

/** A border box in viewport coordinates (what getBoundingClientRect returns). */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface PlaceInput {
  /** the hint's own size */
  size: { width: number; height: number };
  viewport: { width: number; height: number };
  /** the failed message's red "!" (null: no failed message on screen) */
  icon: Box | null;
  /** without an icon: the blocked composer, the request box or TikTok's notice bar */
  target: Box | null;
  /** the hint never intersects these (TikTok's notice, the other person's bubbles, composer, header) */
  avoid: readonly Box[];
  /** better not covered (the person's own bubbles, the failed one first) */
  prefer: readonly Box[];
  /** the open chat: the hint stays inside it when it can */
  chat: Box | null;
  /** right-to-left page: the person's own side is the left */
  rtl?: boolean;
}

export interface Placement {
  left: number;
  top: number;
  /** every rule held (false: the best position found breaks one, e.g. a chat too small) */
  clean: boolean;
}

/** Furthest the hint may be from the red "!" (border boxes), DESIGN.md "In-page hint". */
export const REACH = 160;
const GAP = 8;
const EDGE = 8;
const STEP = 8;

export const intersects = (a: Box, b: Box): boolean => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Distance between two boxes (0 when they touch or overlap). */
export function gap(a: Box, b: Box): number {
  const dx = Math.max(0, b.left - a.right, a.left - b.right);
  const dy = Math.max(0, b.top - a.bottom, a.top - b.bottom);
  return Math.hypot(dx, dy);
}

const boxAt = (left: number, top: number, w: number, h: number): Box => ({ left, top, right: left + w, bottom: top + h });

/**
 * Tries positions around the anchor (beside the "!" on the inline-start side, above, below, at
 * 8 px steps) and keeps the closest one that breaks no rule; with none, the one that breaks fewest.
 */
export function placeHint(p: PlaceInput): Placement {
  const { width: w, height: h } = p.size;
  const vw = p.viewport.width;
  const vh = p.viewport.height;
  const anchor = p.icon ?? p.target;
  // Nothing to stand beside (a rate-limit or region page): the bottom corner on the own side.
  if (!anchor) return { left: Math.max(EDGE, p.rtl ? vw - 2 * EDGE - w : 2 * EDGE), top: Math.max(EDGE, vh - h - 96), clean: true };
  const reach = p.icon ? REACH : Number.POSITIVE_INFINITY;
  // Columns: ending just before the "!" (own messages sit at the inline end, so the free room is
  // on the inline-start side), aligned with the anchor's start or end, or centred on it.
  const start = p.rtl ? anchor.right + GAP : anchor.left - GAP - w;
  const away = p.rtl ? 1 : -1;
  const lefts = [start, start + away * 48, start + away * 96, anchor.left, anchor.right - w, (anchor.left + anchor.right - w) / 2];
  if (p.chat) lefts.push(p.rtl ? p.chat.left + EDGE : p.chat.right - EDGE - w);
  const tops: number[] = [];
  const mid = (anchor.top + anchor.bottom - h) / 2;
  const span = Math.min(REACH, vh) + h;
  for (let d = 0; d <= span; d += STEP) tops.push(mid - d, mid + d);
  tops.push(anchor.top - GAP - h, anchor.bottom + GAP);

  let best: { box: Box; cost: number; clean: boolean } | null = null;
  for (const l of lefts) {
    for (const t of tops) {
      const left = Math.round(Math.min(Math.max(EDGE, l), vw - EDGE - w));
      const top = Math.round(Math.min(Math.max(EDGE, t), vh - EDGE - h));
      const box = boxAt(left, top, w, h);
      const dist = gap(box, anchor);
      let broken = 0;
      if (dist > reach) broken++;
      if (p.icon && intersects(box, p.icon)) broken++;
      for (const a of p.avoid) if (intersects(box, a)) broken++;
      if (p.chat && (box.left < p.chat.left || box.right > p.chat.right || box.top < p.chat.top || box.bottom > p.chat.bottom)) broken++;
      let covered = 0;
      for (const b of p.prefer) if (intersects(box, b)) covered++;
      const cost = broken * 100_000 + covered * 1_000 + dist;
      if (!best || cost < best.cost) best = { box, cost, clean: broken === 0 };
    }
  }
  return best ? { left: best.box.left, top: best.box.top, clean: best.clean } : { left: EDGE, top: EDGE, clean: false };
}
