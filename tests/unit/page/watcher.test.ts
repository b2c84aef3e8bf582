import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchMessages, type Watcher } from '../../../src/page/watcher';
import type { PageReport } from '../../../src/messaging/page-report';
import { fixtureHtml } from './load-fixture';

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
const failedRow = () => [...document.querySelectorAll('[data-e2e="dm-warning"]')].find((w) => w.querySelector('svg'))!.closest('[data-e2e="dm-new-chat-item"]')!;
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

  it('treats failures that arrive with a batch of history rows as earlier', async () => {
    load('dm-new-failed-e1-too-fast.html');
    w = watchMessages(document, timers, (r) => reports.push(r));
    await settle(2000);
    const first = latest().failureId;
    const template = rows()[0]!;
    const batch = Array.from({ length: 6 }, (_, i) => withTime(template, `1:0${i} AM`));
    const failed = withTime(failedRow(), '1:07 AM');
    append(batch[0]!);
    batch[0]!.after(...batch.slice(1), failed); // a batch ending in a failed bubble, at the bottom
    await settle(400);
    expect(latest().failureId).not.toBe(first);
    expect(latest().fresh).toBe(false);
  });

  it('waits, then says "unrecognized" when no landmark appears within 5 s', async () => {
    load('damaged.html');
    w = watchMessages(document, timers, (r) => reports.push(r));
    await settle();
    expect(latest().recognition).toBe('waiting');
    await settle(5200);
    expect(latest().recognition).toBe('unrecognized');
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
