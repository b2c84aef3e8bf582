import type { Life } from './life';
import { diagnosePageOnly } from '../diagnosis/page-only';
import { sendMessage } from '../contracts/protocol';
import type { PageReport } from '../contracts/page-report';
import type { HintUpdate } from '../contracts/hint-update';
import type { CauseId } from '../contracts/cause-ids';
import type { HintWords } from '../contracts/hint-update';
import type { Watcher } from './watcher';
import { chatHandle, composerArea } from '../page/read-page';
import { buildHint, type HintView } from './hint';
import { HINT_CSS } from './hint-style';
import { readGeometry } from './hint-geometry';
import { placeHint } from './hint-place';
import { anyOf, SELECTORS } from '../page/selectors';

const DIALOG = anyOf(SELECTORS.dialog);

/**
 * Shows the hint at once from page evidence (`diagnosePageOnly`), then follows the
 * background's diagnosis for the tab. Present iff on /messages, a problem, hints on, not dismissed.
 */
export function createHintController(ctx: Life, watcher: () => Watcher | null) {
  let report: PageReport | null = null;
  let bg: HintUpdate | null = null;
  let view: HintView | null = null;
  let host: HTMLElement | null = null;
  let shown: CauseId | null = null;
  /** "Turn off hints" was pressed: 'asked' until the background confirms, then 'off' until hints come back on */
  let off: 'asked' | 'off' | null = null;

  const key = () => report?.failureId ?? `state:${bg?.causeId ?? shown ?? ''}`;

  function wanted(): { causeId: CauseId; earlier: boolean; settled: boolean; words: HintWords | null } | null {
    if (!report?.onMessages || !watcher() || off) return null;
    // hints switched off: not even the page's own answer until they are on again
    if (bg && !bg.hintsEnabled) return null;
    // the background's answer is about this frame's report (not another frame's, e.g. the business iframe)
    if (bg && bg.seq === report.seq && bg.pageId === report.pageId) {
      if (bg.state !== 'problem' || !bg.causeId || !bg.hintsEnabled || bg.dismissed.includes(key())) return null;
      return { causeId: bg.causeId, earlier: bg.earlier, settled: true, words: bg.words };
    }
    // Until then, the page's own answer where the page decides it (a small mapping, not the whole
    // rule table: see src/diagnosis/page-only.ts); otherwise no hint until the background answers.
    const local = diagnosePageOnly(report);
    // (its words: the background's when they are about the same cause, else the title and why alone)
    return local ? { ...local, settled: false, words: bg?.causeId === local.causeId ? bg.words : null } : null;
  }

  function sync(): void {
    try {
      const w = wanted();
      if (!w) return remove();
      const fresh = !host || !view;
      if (!host || !view) {
        // A plain element (not a registered custom element) with an open shadow root, appended to
        // <body>, never inside TikTok's React-managed nodes. (WXT's createShadowRootUi does the same
        // but pulls ~10 KB of helpers into the content script.)
        host = document.createElement('dm-doctor-hint');
        const shadow = host.attachShadow({ mode: 'open' });
        const style = document.createElement('style');
        style.textContent = HINT_CSS;
        const container = document.createElement('div');
        shadow.append(style, container);
        view = buildHint(host, container, { dismiss, hintsOff });
        document.body.append(host);
        listen();
      }
      const current = w;
      shown = current.causeId;
      view.render({ ...current, handle: chatHandle(document) });
      // A new hint is placed at once, so it is painted in the very frame that shows TikTok's failure
      // (waiting for the next animation frame costs a whole frame, more while TikTok paints a long
      // chat). Its one read of layout here is the layout that frame needs anyway. Every later move
      // waits for an animation frame, so nothing else here ever reads layout.
      if (fresh) place();
      else reposition();
    } catch (err) {
      console.debug('[dm-doctor] hint failed', err);
    }
  }

  function dismiss(): void {
    const id = key();
    if (bg) bg = { ...bg, dismissed: [...bg.dismissed, id] };
    sendMessage('contentDismiss', { failureId: id }).catch(() => undefined);
    remove();
  }

  function hintsOff(): void {
    off = 'asked';
    sendMessage('contentHintsOff', null).catch(() => {
      off = null; // the background did not take it: the switch stays where it was
    });
    remove();
  }

  function remove(): void {
    cancelFrame();
    resizes?.disconnect();
    resizes = null;
    listening?.abort();
    listening = null;
    host?.remove();
    host = null;
    view = null;
    shown = null;
  }

  // All layout reads of a placement happen together in one animation frame, then one write.
  let frame = 0;
  const cancelFrame = () => {
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
  };
  const reposition = () => {
    if (!view || frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      place();
    });
  };
  /** Reads every box it needs together, then writes once. */
  const place = () => {
    if (!view) return;
    try {
      const row = watcher()?.anchor() ?? null;
      const size = view.measure();
      const geo = readGeometry(document, row, row ? null : composerArea(document));
      view.place(placeHint({ ...geo, size }));
      watchSizes(row);
    } catch (err) {
      console.debug('[dm-doctor] hint placement failed', err);
    }
  };
  // Movement without polling: scroll and resize events, and a ResizeObserver on the chat, the failed
  // row and the hint itself (a row growing, the composer growing, the hint's details opening).
  let resizes: ResizeObserver | null = null;
  let watched: Element | null = null;
  const watchSizes = (row: Element | null) => {
    if (typeof ResizeObserver === 'undefined' || !host) return;
    if (resizes && watched === row) return;
    resizes?.disconnect();
    resizes = new ResizeObserver(reposition);
    watched = row;
    resizes.observe(host);
    const panel = (row ?? composerArea(document))?.closest(anyOf(SELECTORS.chatPanel));
    if (panel) resizes.observe(panel);
    if (row) resizes.observe(row);
  };
  // Listeners exist only while a hint is shown.
  let listening: AbortController | null = null;
  const listen = () => {
    if (listening) return;
    listening = new AbortController();
    const opts = { passive: true, capture: true, signal: listening.signal };
    window.addEventListener('resize', reposition, opts);
    document.addEventListener('scroll', reposition, opts);
    // Escape dismisses the hint, unless TikTok has a dialog open (Escape is the dialog's then).
    document.addEventListener(
      'keydown',
      (e) => {
        if (e.key === 'Escape' && !e.defaultPrevented && host && !document.querySelector(DIALOG)) dismiss();
      },
      { signal: listening.signal },
    );
  };
  ctx.onInvalidated(() => {
    cancelFrame();
    resizes?.disconnect();
    listening?.abort();
    host?.remove();
  });

  return {
    onReport(r: PageReport) {
      report = r;
      sync();
    },
    onUpdate(u: HintUpdate) {
      bg = u;
      if (off === 'asked' && !u.hintsEnabled) off = 'off';
      else if (off === 'off' && u.hintsEnabled) off = null;
      sync();
    },
    remove() {
      report = null;
      bg = null;
      remove();
    },
  };
}
