import { describe, expect, it } from 'vitest';
import { scanRows } from '../../../src/page/landmarks';
import { createRowIndex } from '../../../src/page/row-index';
import { unsupportedShown } from '../../../src/page/page-level';
import { messageList } from '../../../src/page/landmarks';
import { anyOf, SELECTORS } from '../../../src/page/selectors';
import { fixtureHtml } from './load-fixture';

// The row index (kept from mutation records) must give what a full query of the rows gives, after
// any sequence of the changes TikTok makes: rows mounted and unmounted anywhere, failures appearing
// and clearing, rows moved, wrapped, their slots removed, the whole chat replaced.

const ROW = anyOf(SELECTORS.messageRow);
const SLOT = anyOf(SELECTORS.warningSlot);
const AREA = anyOf(SELECTORS.messageArea);
const FILES = [
  'dm-new-healthy.html',
  'dm-new-busy.html',
  'dm-new-failed-twice.html',
  'dm-new-failed-e1-too-fast.html',
  'legacy-healthy.html',
  'legacy-failed-e3-privacy.html',
  'business-failed-e5.html',
  'dm-new-unsupported-message.html',
];

function load(file: string): void {
  document.documentElement.innerHTML = fixtureHtml(file)
    .replace(/^[\s\S]*?<html[^>]*>/i, '')
    .replace(/<\/html>[\s\S]*$/i, '');
}

/** A small deterministic random source (the sequence is the same on every run). */
function rng(seed: number) {
  let x = seed;
  return (n: number) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % n;
  };
}

const all = (css: string) => Array.from(document.querySelectorAll(css));
const pick = <T>(list: T[], r: (n: number) => number): T | undefined => list[r(Math.max(1, list.length))];

type Op = (r: (n: number) => number) => void;
const OPS: Record<string, Op> = {
  'clone a row to the bottom': (r) => {
    const rows = all(ROW);
    const row = pick(rows, r);
    rows[rows.length - 1]?.after(row?.cloneNode(true) ?? document.createElement('div'));
  },
  'clone a row to the top': (r) => {
    const rows = all(ROW);
    rows[0]?.before(pick(rows, r)?.cloneNode(true) ?? document.createElement('div'));
  },
  'remove a row': (r) => pick(all(ROW), r)?.remove(),
  'fail a row': (r) => pick(all(SLOT), r)?.append(document.createElementNS('http://www.w3.org/2000/svg', 'svg')),
  'fail a row with text': (r) => {
    const slot = pick(all(SLOT), r);
    if (slot) slot.textContent = 'Failed';
  },
  'clear a slot': (r) => pick(all(SLOT), r)?.replaceChildren(),
  'change a failure text': (r) => {
    const text = all(SLOT)
      .map((s) => s.firstChild)
      .find((n) => n?.nodeType === 3);
    if (text) text.nodeValue = r(2) ? '' : 'again';
  },
  'remove a slot': (r) => pick(all(SLOT), r)?.remove(),
  'add a slot back': (r) => {
    const row = pick(all(ROW), r);
    if (row && !row.querySelector(SLOT)) row.append(Object.assign(document.createElement('div'), { className: 'x' }));
    const donor = document.querySelector(SLOT)?.cloneNode(false) as Element | undefined;
    if (row && donor && !row.querySelector(SLOT)) row.append(donor);
  },
  'move a row': (r) => {
    const rows = all(ROW);
    const a = pick(rows, r);
    const b = pick(rows, r);
    if (a && b && a !== b && !a.contains(b) && !b.contains(a)) b.before(a);
  },
  'wrap a row': (r) => {
    const row = pick(all(ROW), r);
    if (!row) return;
    const wrap = document.createElement('div');
    row.replaceWith(wrap);
    wrap.append(row);
  },
  'detach, change and re-attach a row': (r) => {
    const row = pick(all(ROW), r);
    const parent = row?.parentElement;
    if (!row || !parent) return;
    const next = row.nextSibling;
    row.remove();
    row.querySelector(SLOT)?.append(document.createElementNS('http://www.w3.org/2000/svg', 'svg'));
    parent.insertBefore(row, next);
  },
  'replace the chat': (r) => {
    const list = messageList(document);
    const rows = all(ROW).map((row) => row.cloneNode(true) as Element);
    list?.replaceChildren(...rows.slice(0, 1 + r(Math.max(1, rows.length))));
  },
  'a row without a slot': (r) => {
    const row = pick(all(ROW), r)?.cloneNode(true) as Element | undefined;
    if (!row) return;
    for (const s of Array.from(row.querySelectorAll(SLOT))) s.remove();
    all(ROW)[0]?.before(row);
  },
  'toggle a reaction in a message area': (r) => {
    const area = pick(all(AREA), r);
    const badge = area?.querySelector('.reaction');
    if (badge) badge.remove();
    else area?.append(Object.assign(document.createElement('div'), { className: 'reaction', innerHTML: '<svg></svg><span>1</span>' }));
  },
  'the placeholder written into a message area': (r) => {
    pick(all(AREA), r)?.append(document.createTextNode('Download the app to view this message'));
  },
  'the unsupported placeholder': (r) => {
    const row = pick(all(ROW), r);
    row?.append(Object.assign(document.createElement('p'), { textContent: 'Download the app to view this message' }));
  },
};

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('row index', () => {
  for (const file of FILES) {
    it(`agrees with a full query of the rows after every change (${file})`, async () => {
      load(file);
      const index = createRowIndex(document);
      const observer = new MutationObserver((records) => index.update(records, messageList(document), null));
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      const r = rng(file.length * 7919);
      const names = Object.keys(OPS);
      const log: string[] = [];
      for (let step = 0; step < 60; step++) {
        const name = names[r(names.length)]!;
        log.push(name);
        OPS[name]!(r);
        await settle();
        const full = scanRows(document);
        const kept = index.rows(true);
        const where = `${file}, after: ${log.slice(-3).join(' → ')}`;
        expect(kept.failed, where).toEqual(full.failed);
        expect(kept.any, where).toBe(full.any);
        expect(kept.slotless, where).toBe(full.slotless);
        expect(kept.last, where).toBe(full.last);
        const list = messageList(document);
        expect(unsupportedShown(list, index.unsupportedRoots()), where).toBe(unsupportedShown(list));
      }
      observer.disconnect();
    });
  }

  it('says which batches a scan must look at', async () => {
    load('dm-new-busy.html');
    const index = createRowIndex(document);
    const list = messageList(document);
    const changes: Array<{ urgent: boolean; relevant: boolean; rowsAdded: number }> = [];
    const observer = new MutationObserver((records) => changes.push(index.update(records, list, null)));
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    const rows = all(ROW);
    rows[0]!.before(rows[5]!.cloneNode(true)); // a history row mounted at the top
    await settle();
    const text = rows[10]!.querySelector('p, span');
    if (text) text.textContent = 'edited';
    await settle();
    expect(changes.splice(0)).toEqual([
      { urgent: false, relevant: false, rowsAdded: 1 },
      { urgent: false, relevant: false, rowsAdded: 0 },
    ]);
    rows[20]!.querySelector(SLOT)!.append(document.createElementNS('http://www.w3.org/2000/svg', 'svg'));
    await settle();
    expect(changes.splice(0)).toEqual([{ urgent: true, relevant: true, rowsAdded: 0 }]);
    document.body.append(document.createElement('div')); // outside the list: the page around it changed
    await settle();
    expect(changes.splice(0)).toEqual([{ urgent: false, relevant: true, rowsAdded: 0 }]);
    // a reaction toggled in a message's area, then a history row unmounted at the top: no scan
    const area = rows[30]!.querySelector(AREA)!;
    const badge = Object.assign(document.createElement('div'), { innerHTML: '<svg></svg><span>1</span>' });
    area.append(badge);
    await settle();
    badge.remove();
    await settle();
    all(ROW)[0]!.remove();
    await settle();
    expect(changes.splice(0)).toEqual([
      { urgent: false, relevant: false, rowsAdded: 0 },
      { urgent: false, relevant: false, rowsAdded: 0 },
      { urgent: false, relevant: false, rowsAdded: 0 },
    ]);
    observer.disconnect();
  });

  it('never reads the text of a draft typed beside the list', async () => {
    load('dm-new-healthy.html');
    const index = createRowIndex(document);
    const list = messageList(document);
    const draft = document.createTextNode('');
    const box = document.querySelector('[contenteditable="true"]') ?? document.querySelector('[data-e2e="dm-new-chat-bottom"]')!;
    box.append(draft);
    let reads = 0;
    const observer = new MutationObserver((records) => index.update(records, list, null));
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    draft.nodeValue = 'my draft, to view this message';
    const proto = Object.getPrototypeOf(draft) as object;
    const real = Object.getOwnPropertyDescriptor(Node.prototype, 'nodeValue') ?? Object.getOwnPropertyDescriptor(proto, 'nodeValue');
    Object.defineProperty(draft, 'nodeValue', {
      get() {
        reads++;
        return real?.get?.call(this);
      },
      set(v) {
        real?.set?.call(this, v);
      },
    });
    await settle();
    observer.disconnect();
    expect(reads).toBe(0);
    expect(index.unsupportedRoots()).not.toContain(box);
  });

  it('never looks into rows mounted and unmounted again within one task', async () => {
    load('dm-new-busy.html');
    const index = createRowIndex(document);
    const list = messageList(document)!;
    const changes: Array<{ urgent: boolean; relevant: boolean; rowsAdded: number }> = [];
    const observer = new MutationObserver((records) => changes.push(index.update(records, list, null)));
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    const item = all(ROW)[3]!.parentElement!.cloneNode(true) as Element;
    item.querySelector(SLOT)!.append(document.createElementNS('http://www.w3.org/2000/svg', 'svg')); // even a failed one
    let queried = 0;
    for (const el of [item, ...Array.from(item.querySelectorAll('*'))]) {
      const own = el.querySelectorAll.bind(el);
      (el as Element & { querySelectorAll: typeof own }).querySelectorAll = ((css: string) => {
        queried++;
        return own(css);
      }) as typeof own;
    }
    list.insertBefore(item, list.firstElementChild); // a history row scrolled past at once
    item.remove();
    await settle();
    expect(queried).toBe(0);
    expect(changes.splice(0)).toEqual([{ urgent: false, relevant: false, rowsAdded: 0 }]);
    expect(index.rows().failed).toEqual(scanRows(document).failed);
    observer.disconnect();
  });

  it('looks again when the failed row that matters is gone', async () => {
    load('dm-new-failed-twice.html');
    const index = createRowIndex(document);
    const list = messageList(document);
    const failed = index.rows().failed;
    const after = failed[failed.length - 1]!;
    const changes: Array<{ urgent: boolean; relevant: boolean; rowsAdded: number }> = [];
    const observer = new MutationObserver((records) => changes.push(index.update(records, list, after)));
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    after.closest('[data-index]')?.remove() ?? after.remove();
    await settle();
    expect(changes.splice(0)).toEqual([{ urgent: false, relevant: true, rowsAdded: 0 }]);
    observer.disconnect();
  });
});
