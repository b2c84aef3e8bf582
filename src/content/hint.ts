import type { CauseId } from '../contracts/cause-ids';
import { fixAction } from '../causes/catalogue';
import { causeActionLabel, causeSteps, causeTitle, causeWhy } from '../causes/copy';
import { t, messagesLang } from '../i18n/i18n';
import { anyOf, SELECTORS } from '../page/selectors';

const CHAT_PANEL = anyOf(SELECTORS.chatPanel);

// The in-page hint: plain DOM inside the open shadow root of <dm-doctor-hint>, which is appended to
// document.body (never inside TikTok's React-managed nodes) and positioned with `position: fixed`
// next to the failed message or the blocked composer, so TikTok's layout never shifts.

export interface HintContent {
  causeId: CauseId;
  earlier: boolean;
  settled: boolean;
  browser: 'chrome' | 'firefox';
  handle: string | null;
}

export interface HintView {
  render(c: HintContent): void;
  place(anchor: Element | null, composer: Element | null): void;
}

export function buildHint(host: HTMLElement, container: HTMLElement, onDismiss: () => void): HintView {
  const box = el('div', 'hint');
  box.setAttribute('role', 'status');
  box.setAttribute('aria-live', 'polite');
  const line = el('div', 'line');
  const title = el('p', 'title');
  const dismiss = el('button', 'dismiss') as HTMLButtonElement;
  dismiss.type = 'button';
  dismiss.textContent = '×';
  dismiss.setAttribute('aria-label', t('hint_dismiss'));
  dismiss.addEventListener('click', onDismiss);
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
      row.append(more);
      const why = el('li', 'why');
      why.textContent = causeWhy(c.causeId);
      details.replaceChildren(why, ...causeSteps(c.causeId, c).map((s) => Object.assign(el('li', 'step'), { textContent: s })));
    },
    place(anchor, composer) {
      host.style.visibility = 'visible';
      const target = anchor ?? composer;
      const w = window.innerWidth;
      const h = window.innerHeight;
      const box = host.getBoundingClientRect();
      if (!target) {
        host.style.top = `${Math.max(8, h - box.height - 96)}px`;
        host.style.left = '16px';
        return;
      }
      const r = target.getBoundingClientRect();
      const panel = (composer?.closest(CHAT_PANEL) ?? composer?.parentElement)?.getBoundingClientRect();
      // Left edge of the chat, where own (right-aligned) bubbles leave room; above the composer.
      const left = Math.min(Math.max(8, (panel?.left ?? r.left) + 12), w - box.width - 8);
      const composerTop = composer?.getBoundingClientRect().top ?? h;
      let top = anchor ? r.top : composerTop - box.height - 8;
      top = Math.min(top, composerTop - box.height - 8);
      host.style.left = `${Math.round(left)}px`;
      // always on screen, even when TikTok's layout puts the anchor below the fold
      host.style.top = `${Math.round(Math.min(Math.max(8, top), h - box.height - 8))}px`;
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
