import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchMessages, type Watcher } from '../../../src/content/watcher';
import type { PageReport } from '../../../src/contracts/page-report';
import { fixtureHtml } from '../page/load-fixture';

const CHAT = 'https://www.tiktok.com/messages?lang=en&u=7301948089581';
const timers = {
  setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms) as unknown as number,
  setInterval: (fn: () => void, ms: number) => setInterval(fn, ms) as unknown as number,
  clearTimeout: (id: number) => clearTimeout(id),
  clearInterval: (id: number) => clearInterval(id),
};

function load(file: string, url = CHAT): void {
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url);
  const html = fixtureHtml(file);
  document.documentElement.innerHTML = html.replace(/^[\s\S]*?<html[^>]*>/i, '').replace(/<\/html>[\s\S]*$/i, '');
}

/** The failed own row, as a template for new failures. */
const failedRow = () =>
  [...document.querySelectorAll('[data-e2e="dm-warning"]')].find((w) => w.querySelector('svg'))!.closest('[data-e2e="dm-new-chat-item"]')!;
const rows = () => document.querySelectorAll('[data-e2e="dm-new-chat-item"]');
const append = (row: Element) => rows()[rows().length - 1]!.after(row);
const withTime = (row: Element, time: string) => {
  const copy = row.cloneNode(true) as Element;
  const t = copy.querySelector('[class*="DivTimeContainer"]');
  if (t) t.textContent = time;
  else copy.append(Object.assign(document.createElement('span'), { textContent: time }));
  return copy;
};

let reports: PageReport[];
let w: Watcher | null;
const latest = () => reports[reports.length - 1]!;
const settle = async (ms = 50) => {
  await vi.advanceTimersByTimeAsync(ms);
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'setInterval', 'clearTimeout', 'clearInterval'] });
  reports = [];
  w = null;
});
afterEach(() => {
  w?.stop();
  vi.useRealTimers();
});

describe('watchMessages', () => {
  it('anchors the hint to the failed row even right after TikTok remounted the whole chat', async () => {
    load('dm-new-failed-e1-too-fast.html');
    w = watchMessages(document, timers, (r) => reports.push(r));
    await settle();
    const before = w.anchor();
    expect(before).toBe(failedRow());
    const panel = document.querySelector('[data-e2e="dm-new-chatbox"]')!;
    panel.replaceWith(panel.cloneNode(true)); // no scan has run since
    const after = w.anchor();
    expect(after).not.toBeNull();
    expect(after).not.toBe(before);
    expect(after).toBe(failedRow());
  });

  it('reports a failure already in the history as earlier, and a later one as fresh', async () => {
    load('dm-new-failed-e1-too-fast.html');
    w = watchMessages(document, timers, (r) => reports.push(r));
    await settle();
    expect(latest()).toMatchObject({ onMessages: true, recognition: 'recognized', fresh: false, cleared: false });
    expect(latest().failureId).toBeTruthy();
    const first = latest().failureId;

    await settle(2000); // the chat has finished opening
    append(withTime(failedRow(), '11:59 PM'));
    await settle();
    expect(latest().fresh).toBe(true);
    expect(latest().failureId).not.toBe(first);
  });

  it('does not count TikTok re-rendering the same bubble as a new failure', async () => {
    load('dm-new-failed-e1-too-fast.html');
    w = watchMessages(document, timers, (r) => reports.push(r));
    await settle(2000);
    const before = latest().failureId;
    const row = failedRow();
    row.replaceWith(row.cloneNode(true)); // same bubble, new element
    await settle();
    expect(latest().failureId).toBe(before);
    expect(latest().fresh).toBe(false);
  });

  it('clears the problem when a later own message goes through', async () => {
    load('dm-new-failed-e1-too-fast.html');
    w = watchMessages(document, timers, (r) => reports.push(r));
    await settle(2000);
    const ok = withTime(failedRow(), '11:58 PM');
    ok.querySelector('[data-e2e="dm-warning"]')!.replaceChildren();
    append(ok);
    await settle();
    expect(latest().cleared).toBe(true);
  });

  it('keeps the bottom failure as the latest when an older failed bubble is mounted above it', async () => {
    load('dm-new-failed-e1-too-fast.html');
    w = watchMessages(document, timers, (r) => reports.push(r));
    await settle(2000);
    const before = latest().failureId;
    rows()[0]!.before(withTime(failedRow(), '3:33 AM')); // scrolling back in history
    await settle(400);
    expect(latest().failureId).toBe(before);
    expect(latest().cleared).toBe(false);
  });

  it('treats failures mounted above the first-rendered rows (scrolling back) as earlier', async () => {
    load('dm-new-failed-e1-too-fast.html');
    w = watchMessages(document, timers, (r) => reports.push(r));
    await settle(2000);
    // the failed bubble unmounts (virtualised list), then scrolling back loads history with an old failure above
    const failed = withTime(failedRow(), '1:07 AM');
    failedRow().remove();
    await settle(400);
    const batch = Array.from({ length: 6 }, (_, i) => withTime(rows()[0]!, `1:0${i} AM`));
    rows()[0]!.before(...batch, failed);
    await settle(400);
    expect(latest().failureId).toBeTruthy();
    expect(latest().fresh).toBe(false);
  });

  it('calls a send that fails a second after the chat opened fresh (below the first-rendered rows)', async () => {
    load('dm-new-failed-e1-too-fast.html');
    w = watchMessages(document, timers, (r) => reports.push(r));
    await settle(); // the chat has just rendered, with an earlier failure in it
    expect(latest().fresh).toBe(false);
    await settle(900);
    append(withTime(failedRow(), '11:59 PM'));
    await settle();
    expect(latest().fresh).toBe(true);
  });

  it('waits, then says "unrecognized" when no landmark appears within 5 s', async () => {
    load('damaged.html');
    w = watchMessages(document, timers, (r) => reports.push(r));
    await settle();
    expect(latest().recognition).toBe('waiting');
    await settle(5200);
    expect(latest().recognition).toBe('unrecognized');
  });

  it('a chat whose rows it cannot read: waiting, then "unrecognized" with chat-unreadable within 5 s', async () => {
    load('dm-new-healthy.html');
    for (const slot of document.querySelectorAll('[data-e2e="dm-warning"]')) {
      slot.removeAttribute('data-e2e');
      slot.className = 'x-unknown-slot';
    }
    w = watchMessages(document, timers, (r) => reports.push(r));
    await settle();
    expect(latest()).toMatchObject({ recognition: 'waiting', reason: null });
    await settle(5100);
    expect(latest()).toMatchObject({ recognition: 'unrecognized', reason: 'chat-unreadable' });
  });

  it('gives a newly opened chat its own 5 s, then says it cannot read it', async () => {
    load('dm-new-healthy.html');
    w = watchMessages(document, timers, (r) => reports.push(r));
    await settle(6000);
    expect(latest()).toMatchObject({ recognition: 'recognized', reason: null });
    // another conversation opens, rendered by a chat panel of a new generation
    (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL('https://www.tiktok.com/messages?lang=en&u=99999999');
    const list = document.querySelector('[data-e2e="dm-new-message-list"]')!;
    list.replaceChildren(Object.assign(document.createElement('div'), { className: 'nx-row', textContent: 'hello' }));
    list.removeAttribute('data-e2e');
    list.className = 'nx-list';
    await settle(1500);
    expect(latest()).toMatchObject({ recognition: 'waiting' });
    await settle(4000);
    expect(latest()).toMatchObject({ recognition: 'unrecognized', reason: 'chat-unreadable' });
  });

  it('reads text edited in place beside the list and in a failed slot, and takes no record of words edited in bubbles', async () => {
    const seen: MutationRecord[] = [];
    const Real = window.MutationObserver;
    class Counting extends Real {
      constructor(cb: MutationCallback) {
        super((records, o) => {
          seen.push(...records);
          cb(records, o);
        });
      }
    }
    vi.stubGlobal('MutationObserver', Counting);
    try {
      load('dm-new-failed-e1-too-fast.html');
      w = watchMessages(document, timers, (r) => reports.push(r));
      await settle();
      const before = latest().failureId;
      expect(before).not.toBeNull();
      seen.length = 0;
      // a person's words edited in a bubble: not even a record
      const words = document.querySelector('[data-e2e="dm-new-message-list"] [class*="PText"]')!.firstChild as Text;
      words.nodeValue = 'edited words';
      await settle();
      expect(seen.filter((r) => r.type === 'characterData')).toHaveLength(0);
      // text in the failed row's warning slot, edited in place: seen
      const slot = failedRow().querySelector('[data-e2e="dm-warning"]')!;
      const note = document.createTextNode('Failed');
      slot.append(note);
      await settle();
      note.nodeValue = 'Not sent';
      await settle();
      expect(seen.filter((r) => r.type === 'characterData' && r.target === note)).toHaveLength(1);
      // the header's handle edited in place (another chat, same elements): read before the 1 s watchdog
      const handle = document.querySelector('[data-e2e="chat-uniqueid"]')!.firstChild as Text;
      handle.nodeValue = '@someone_else';
      await settle(400);
      expect(seen.some((r) => r.type === 'characterData' && r.target === handle)).toBe(true);
      expect(latest().failureId).not.toBe(before);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('reports nothing more after stop()', async () => {
    load('dm-new-healthy.html');
    w = watchMessages(document, timers, (r) => reports.push(r));
    await settle();
    w.stop();
    w = null;
    const n = reports.length;
    load('dm-new-failed-e1-too-fast.html'); // the whole page changes under a stopped watcher
    await settle(3000);
    expect(reports.length).toBe(n);
  });
});
