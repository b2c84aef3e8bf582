import { describe, expect, it } from 'vitest';
import { gap, intersects, placeHint, REACH, type Box, type PlaceInput } from '../../../src/content/hint-place';

const box = (left: number, top: number, w: number, h: number): Box => ({ left, top, right: left + w, bottom: top + h });
const at = (p: { left: number; top: number }, size = { width: 300, height: 100 }) => box(p.left, p.top, size.width, size.height);

// A 1280×800 inbox: chat from x=392, header to y=64, composer from y=730; the failed own bubble on
// the right at y=312 with its "!" to its left and TikTok's notice under it.
const chat = box(392, 0, 888, 800);
const header = box(392, 0, 888, 64);
const composer = box(392, 730, 888, 70);
const icon = box(900, 318, 20, 20);
const ownBubble = box(928, 310, 288, 36);
const notice = box(936, 350, 280, 16);
const others = [box(456, 118, 410, 36), box(456, 204, 380, 36)];
const base: PlaceInput = {
  size: { width: 300, height: 100 },
  viewport: { width: 1280, height: 800 },
  icon,
  target: null,
  avoid: [notice, ...others, composer, header],
  prefer: [ownBubble],
  chat,
};

describe('placeHint', () => {
  it('sits beside the red "!", within reach, over nothing it must avoid, inside the viewport', () => {
    const p = placeHint(base);
    const h = at(p);
    expect(p.clean).toBe(true);
    expect(gap(h, icon)).toBeLessThanOrEqual(REACH);
    expect(intersects(h, icon)).toBe(false);
    for (const a of base.avoid) expect(intersects(h, a)).toBe(false);
    expect(intersects(h, ownBubble)).toBe(false);
    expect(h.left).toBeGreaterThanOrEqual(0);
    expect(h.bottom).toBeLessThanOrEqual(800);
  });

  it('moves off the other person\'s bubble when it sits beside the "!"', () => {
    const blocking = box(456, 300, 420, 60); // the other person's long bubble at the same height
    const p = placeHint({ ...base, avoid: [...base.avoid, blocking] });
    expect(p.clean).toBe(true);
    expect(intersects(at(p), blocking)).toBe(false);
    expect(gap(at(p), icon)).toBeLessThanOrEqual(REACH);
  });

  it('stays inside the viewport when the "!" is near its edge', () => {
    const low = box(900, 700, 20, 20);
    const p = placeHint({ ...base, icon: low, avoid: [composer], viewport: { width: 1280, height: 760 } });
    expect(at(p).bottom).toBeLessThanOrEqual(760);
    expect(at(p).top).toBeGreaterThanOrEqual(0);
  });

  it('says so (clean: false) when no position keeps every rule, rather than pretending', () => {
    // a chat smaller than the hint
    const p = placeHint({ ...base, chat: box(392, 0, 200, 90), viewport: { width: 600, height: 90 } });
    expect(p.clean).toBe(false);
  });

  it('without a failed row: beside the blocked composer, not over it', () => {
    const p = placeHint({ ...base, icon: null, target: composer, avoid: [header, composer] });
    expect(p.clean).toBe(true);
    expect(intersects(at(p), composer)).toBe(false);
    expect(gap(at(p), composer)).toBeLessThanOrEqual(REACH);
  });
});

describe('placeHint on a right-to-left TikTok page', () => {
  // The same inbox mirrored: the chat on the left, the person's own bubbles on its left edge with the
  // "!" to their right, the other person's on the right.
  const mirror = (b: Box): Box => ({ left: 1280 - b.right, right: 1280 - b.left, top: b.top, bottom: b.bottom });
  const rtl: PlaceInput = {
    ...base,
    icon: mirror(icon),
    avoid: base.avoid.map(mirror),
    prefer: base.prefer.map(mirror),
    chat: mirror(chat),
    rtl: true,
  };

  it('keeps every rule: within reach of the "!", over nothing it must avoid', () => {
    const p = placeHint(rtl);
    const h = at(p);
    expect(p.clean).toBe(true);
    expect(intersects(h, rtl.icon!)).toBe(false);
    expect(gap(h, rtl.icon!)).toBeLessThanOrEqual(REACH);
    for (const a of rtl.avoid) expect(intersects(h, a)).toBe(false);
  });

  it('is the left-to-right placement, mirrored', () => {
    const ltr = at(placeHint(base));
    const mirrored = at(placeHint(rtl));
    expect(mirrored.left).toBe(1280 - ltr.right);
    expect(mirrored.top).toBe(ltr.top);
  });
});

describe('placeHint: the free side follows the page direction', () => {
  // Only the side of the "!" away from the person's bubbles is free: bubbles fill the rows above and
  // below it on the bubbles' side, and anything further is out of reach.
  const icon2 = box(900, 318, 20, 20);
  const ltr: PlaceInput = {
    size: { width: 300, height: 100 },
    viewport: { width: 1280, height: 800 },
    icon: icon2,
    target: null,
    avoid: [box(895, 150, 385, 160), box(895, 340, 385, 200)],
    prefer: [],
    chat: null,
  };
  const mirror = (b: Box): Box => ({ left: 1280 - b.right, right: 1280 - b.left, top: b.top, bottom: b.bottom });
  const rtl: PlaceInput = { ...ltr, icon: mirror(icon2), avoid: ltr.avoid.map(mirror), rtl: true };

  it('left to right: to the left of the "!"', () => {
    const p = placeHint(ltr);
    expect(p.clean).toBe(true);
    expect(at(p).right).toBeLessThanOrEqual(icon2.left);
  });

  it('right to left: to the right of the "!"', () => {
    const p = placeHint(rtl);
    expect(p.clean).toBe(true);
    expect(at(p).left).toBeGreaterThanOrEqual(rtl.icon!.right);
  });
});
