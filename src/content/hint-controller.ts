import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { diagnosePageOnly } from '../diagnosis/page-only';
import { sendMessage } from '../contracts/protocol';
import type { PageReport } from '../contracts/page-report';
import type { HintUpdate } from '../contracts/hint-update';
import type { CauseId } from '../contracts/cause-ids';
import type { Watcher } from './watcher';
import { chatHandle, composerArea } from '../page/read-page';
import { buildHint, type HintView } from './hint';
import { HINT_CSS } from './hint-style';

const BROWSER = import.meta.env.BROWSER === 'firefox' ? 'firefox' : 'chrome';

/**
 * Shows the hint at once from page evidence (`diagnosePageOnly`), then follows the
 * background's diagnosis for the tab. Present iff on /messages, a problem, hints on, not dismissed.
 */
export function createHintController(ctx: ContentScriptContext, watcher: () => Watcher | null) {
  let report: PageReport | null = null;
  let bg: HintUpdate | null = null;
  let view: HintView | null = null;
  let host: HTMLElement | null = null;
  let shown: CauseId | null = null;

  const key = () => report?.failureId ?? `state:${bg?.causeId ?? shown ?? ''}`;

  function wanted(): { causeId: CauseId; earlier: boolean; settled: boolean } | null {
    if (!report?.onMessages || !watcher()) return null;
    // the background's answer is about this frame's report (not another frame's, e.g. the business iframe)
    if (bg && bg.seq === report.seq && bg.pageId === report.pageId) {
      if (bg.state !== 'problem' || !bg.causeId || !bg.hintsEnabled || bg.dismissed.includes(key())) return null;
      return { causeId: bg.causeId, earlier: bg.earlier, settled: true };
    }
    // Until then, the page's own answer where the page decides it (a small mapping, not the whole
    // rule table: see src/diagnosis/page-only.ts); otherwise no hint until the background answers.
    const local = diagnosePageOnly(report);
    return local ? { ...local, settled: false } : null;
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
        view = buildHint(host, container, dismiss);
        document.body.append(host);
        listen();
      }
      const current = w;
      shown = current.causeId;
      view.render({ ...current, browser: BROWSER, handle: chatHandle(document) });
      // A new hint is placed at once (its latency budget is 50 ms); later moves read layout in the
      // next frame, not in the middle of TikTok's own DOM work.
      if (fresh) view.place(watcher()?.anchor() ?? null, composerArea(document));
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

  function remove(): void {
    listening?.abort();
    listening = null;
    host?.remove();
    host = null;
    view = null;
    shown = null;
  }

  let frame = 0;
  const reposition = () => {
    if (!view || frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      view?.place(watcher()?.anchor() ?? null, composerArea(document));
    });
  };
  // Listeners exist only while a hint is shown.
  let listening: AbortController | null = null;
  const listen = () => {
    if (listening) return;
    listening = new AbortController();
    const opts = { passive: true, capture: true, signal: listening.signal };
    window.addEventListener('resize', reposition, opts);
    document.addEventListener('scroll', reposition, opts);
  };
  ctx.onInvalidated(() => {
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
      sync();
    },
    remove() {
      report = null;
      bg = null;
      remove();
    },
  };
}
