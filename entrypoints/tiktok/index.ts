import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createLife, watchLocation, type Life } from '../../src/content/life';
import { isBusinessInboxRoute, isMessagesRoute, whereOf } from '../../src/tiktok/routes';
import { watchMessages, type Watcher } from '../../src/content/watcher';
import { sendMessage, onMessage } from '../../src/contracts/protocol';
import type { PageReport } from '../../src/contracts/page-report';
import { createHintController } from '../../src/content/hint-controller';
import { redactText } from '../../src/tiktok/redact';
import { chatHandle } from '../../src/page/landmarks';

// Runs on every page and frame of https://www.tiktok.com (the business chat lives in a same-origin
// iframe) but does nothing until the route is /messages: no observer, no timer, no message
// elsewhere. The business inbox's top page (/business-suite/messages) only says once that it
// hosts the chat iframe. It never posts or dispatches anything to the page.
// Declared as a content script by wxt.config.ts (`content_scripts`: https://www.tiktok.com/*, every
// frame, at document_idle); built as a plain script, without WXT's content-script wrapper, whose
// context it does not need (src/content/life.ts).
export default defineUnlistedScript(() => start(createLife()));

function start(ctx: Life): void {
  const pageId = Math.random().toString(36).slice(2, 12);
  const topFrame = window === window.top;
  let watcher: Watcher | null = null;
  const hint = createHintController(ctx, () => watcher);
  // Plain timers, each callback guarded: asking `isValid` is what notices the extension is gone, and
  // the life's end stops the watcher. No listener per timer (a busy chat schedules a few scans a
  // second; WXT's ctx.setTimeout added one per call that was never removed).
  const guard = (fn: () => void) => () => {
    if (ctx.isValid) fn();
  };
  const timers = {
    setTimeout: (fn: () => void, ms: number) => window.setTimeout(guard(fn), ms),
    setInterval: (fn: () => void, ms: number) => window.setInterval(guard(fn), ms),
    clearTimeout: (id: number) => clearTimeout(id),
    clearInterval: (id: number) => clearInterval(id),
  };
  let last: PageReport | null = null;
  const send = (raw: PageReport) => {
    // Kept text leaves the page redacted (@handles, ids); the background redacts again.
    const n = raw.observation?.notice;
    const r = n && raw.observation ? { ...raw, observation: { ...raw.observation, notice: { ...n, text: redactText(n.text) } } } : raw;
    last = r;
    hint.onReport(r);
    sendMessage('contentPageReport', r).catch(() => undefined);
  };
  let hosting = false;
  const route = (url: string | URL) => {
    const on = isMessagesRoute(url);
    const wasOn = watcher !== null;
    if (on && !watcher) watcher = watchMessages(document, timers, send, pageId);
    if (!on && watcher) {
      watcher.stop();
      watcher = null;
      hint.remove();
    }
    // Business inbox: this top document only hosts the chat iframe, whose reports are the evidence
    // (the background never lets this report replace them: src/background/tab-events.ts).
    const host = topFrame && isBusinessInboxRoute(url);
    if (host && !hosting) send({ ...offRoute(url), onMessages: true, host: true });
    else if (!on && !host && (wasOn || hosting)) send(offRoute(url));
    hosting = host;
  };
  const offRoute = (url: string | URL): PageReport => ({
    where: whereOf(url),
    topFrame,
    onMessages: false,
    recognition: 'waiting',
    reason: null,
    observation: null,
    failureId: null,
    fresh: false,
    cleared: false,
    failureAt: null,
    seq: 0,
    pageId,
  });
  // A sub-frame (the business chat) that goes away takes its evidence with it.
  if (!topFrame)
    ctx.listen(window, 'pagehide', () => {
      if (watcher) void sendMessage('contentPageReport', offRoute(location.href)).catch(() => undefined);
    });
  watchLocation(ctx, route);
  // The background owns the tab's state (one writer, src/background/tabs.ts); the hint only follows it.
  onMessage('backgroundHintUpdate', ({ data }) => hint.onUpdate(data));
  // The background asks when a tab has no report: no answer means no content script (not-loaded);
  // an answer comes with our latest report again (the background lost it, e.g. corrupt storage).
  onMessage('backgroundPing', () => {
    if (last?.onMessages) sendMessage('contentPageReport', last).catch(() => undefined);
    return true;
  });
  // The popup asks for the open chat's @handle (its profile button). Only the frame watching the
  // inbox answers (the business chat is an iframe); other frames stay silent, never answering null.
  onMessage('popupChatHandle', () => (watcher ? chatHandle(document) : new Promise<null>(() => undefined)));
  ctx.onInvalidated(() => watcher?.stop());
  route(location.href);
}
