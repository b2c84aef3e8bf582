import { describe, expect, it } from 'vitest';
import { neighbours } from '../../../src/content/hint-geometry';
import { fixtureHtml } from '../page/load-fixture';

// The hint reads the boxes of at most 10 rows on each side of the failed one, found through its
// siblings: never a query over a chat's thousands of rows.

function load(file: string): void {
  document.documentElement.innerHTML = fixtureHtml(file)
    .replace(/^[\s\S]*?<html[^>]*>/i, '')
    .replace(/<\/html>[\s\S]*$/i, '');
}
const ROW = '[data-e2e="dm-new-chat-item"]';
const failed = () => [...document.querySelectorAll('[data-e2e="dm-warning"]')].find((w) => w.querySelector('svg'))!.closest(ROW)!;

describe('hint geometry: the rows around the failed one', () => {
  it('are the rows next to it, in the same chat, never the failed row itself', () => {
    load('dm-new-failed-e2-friends-only.html');
    const row = failed();
    const all = [...document.querySelectorAll(ROW)];
    const near = neighbours(row);
    expect(near.length).toBeGreaterThan(0);
    expect(near).not.toContain(row);
    const at = all.indexOf(row);
    for (const n of near) expect(Math.abs(all.indexOf(n) - at)).toBeLessThanOrEqual(10);
  });

  it('are at most 10 on each side in a chat of 5,000 rows', () => {
    load('dm-new-failed-e2-friends-only.html');
    const row = failed();
    const item = row.parentElement!.childElementCount === 1 ? row.parentElement! : row;
    const template = item.previousElementSibling ?? item;
    for (let i = 0; i < 5000; i++) item.before(template.cloneNode(true));
    const near = neighbours(row);
    expect(near.length).toBeLessThanOrEqual(20);
    expect(near.length).toBeGreaterThanOrEqual(10);
  });

  it("never count the chat's rows to find them (each placement, each scroll frame)", () => {
    load('dm-new-failed-e2-friends-only.html');
    const row = failed();
    const item = row.parentElement!;
    const template = item.previousElementSibling ?? item;
    for (let i = 0; i < 500; i++) item.before(template.cloneNode(true));
    // counting an element's children walks them all: the list's would be thousands
    let counted = 0;
    const real = Object.getOwnPropertyDescriptor(Element.prototype, 'childElementCount')!;
    Object.defineProperty(Element.prototype, 'childElementCount', {
      configurable: true,
      get() {
        counted++;
        return real.get!.call(this);
      },
    });
    try {
      expect(neighbours(row).length).toBeGreaterThanOrEqual(10);
    } finally {
      Object.defineProperty(Element.prototype, 'childElementCount', real);
    }
    expect(counted).toBe(0);
  });
});
