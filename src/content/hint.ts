import type { CauseId } from '../contracts/cause-ids';
import { fixAction } from '../causes/catalogue';
import { causeActionLabel, causeSteps, causeTitle, causeWhy } from '../causes/copy';
import { messagesLang, speak, t } from '../i18n/i18n';
import type { Placement } from './hint-place';

// The in-page hint: plain DOM inside the open shadow root of <dm-doctor-hint>, which is appended to
// document.body (never inside TikTok's React-managed nodes) and positioned with `position: fixed`
// next to the failed message or the blocked composer, so TikTok's layout never shifts. Where
// exactly is decided by src/content/hint-place.ts from boxes read in one animation frame.

export interface HintContent {
  causeId: CauseId;
  earlier: boolean;
  settled: boolean;
  browser: 'chrome' | 'firefox';
  handle: string | null;
}

export interface HintView {
  render(c: HintContent): void;
  /** the hint's border box size (a layout read: call it only inside an animation frame) */
  measure(): { width: number; height: number };
  /** writes only; null keeps it hidden (nothing to stand beside) */
  place(at: Placement | null): void;
}

export interface HintActions {
  dismiss(): void;
  hintsOff(): void;
}

export function buildHint(host: HTMLElement, container: HTMLElement, actions: HintActions): HintView {
  const box = el('div', 'hint');
  // the hint's words run in the extension's language (right to left in Arabic); which side of the
  // chat it sits on follows TikTok's page (src/content/hint-geometry.ts)
  speak(box);
  box.setAttribute('role', 'status');
  box.setAttribute('aria-live', 'polite');
  const line = el('div', 'line');
  const title = el('p', 'title');
  const dismiss = el('button', 'dismiss') as HTMLButtonElement;
  dismiss.type = 'button';
  dismiss.textContent = '×';
  dismiss.setAttribute('aria-label', t('hint_dismiss'));
  dismiss.addEventListener('click', actions.dismiss);
  line.append(title, dismiss);
  const row = el('div', 'row');
  const details = el('ol', 'details');
  details.hidden = true;
  details.id = 'dm-doctor-details';
  const more = el('button', 'more') as HTMLButtonElement;
  more.type = 'button';
  more.setAttribute('aria-expanded', 'false');
  more.setAttribute('aria-controls', details.id);
  more.addEventListener('click', () => {
    details.hidden = !details.hidden;
    more.setAttribute('aria-expanded', String(!details.hidden));
  });
  const off = el('button', 'off') as HTMLButtonElement;
  off.type = 'button';
  off.addEventListener('click', actions.hintsOff);
  box.append(line, row, details);
  container.append(box);
  // hidden until placed (next frame), so it never flashes in the corner
  Object.assign(host.style, { position: 'fixed', zIndex: '2147483000', top: '0px', left: '0px', display: 'block', visibility: 'hidden' });

  return {
    render(c) {
      host.dataset.causeId = c.causeId;
      host.dataset.settled = String(c.settled);
      box.classList.toggle('dark', isDark());
      title.textContent = t(c.earlier ? 'hint_earlier' : 'hint_not_sent', [causeTitle(c.causeId)]);
      row.replaceChildren();
      const action = fixAction(c.causeId, { lang: messagesLang(), browser: c.browser, handle: c.handle });
      if (action.kind === 'open-url' && /^https:/.test(action.href)) {
        const a = el('a', 'fix') as HTMLAnchorElement;
        a.href = action.href;
        a.target = '_blank';
        a.rel = 'noopener noreferrer';
        a.textContent = causeActionLabel(c.causeId, c);
        row.append(a);
      }
      more.textContent = t('hint_details');
      off.textContent = t('hint_turn_off');
      row.append(more, off);
      const why = el('li', 'why');
      why.textContent = causeWhy(c.causeId);
      details.replaceChildren(why, ...causeSteps(c.causeId, c).map((s) => Object.assign(el('li', 'step'), { textContent: s })));
    },
    measure() {
      const r = host.getBoundingClientRect();
      return { width: Math.ceil(r.width), height: Math.ceil(r.height) };
    },
    place(at) {
      if (!at) {
        host.style.visibility = 'hidden';
        return;
      }
      host.style.left = `${at.left}px`;
      host.style.top = `${at.top}px`;
      host.style.visibility = 'visible';
    },
  };
}

function el(tag: string, cls: string): HTMLElement {
  const e = document.createElement(tag);
  e.className = cls;
  return e;
}

function isDark(): boolean {
  const theme = document.documentElement.getAttribute('data-theme') ?? document.body?.getAttribute('data-theme');
  if (theme) return theme === 'dark';
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
}
