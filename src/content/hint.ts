import type { CauseId } from '../contracts/cause-ids';
import type { HintWords } from '../contracts/hint-update';
import { speak, t } from '../i18n/i18n';
import { msgKey } from '../i18n/keys';
import type { Placement } from './hint-place';

// The in-page hint: plain DOM inside the open shadow root of <dm-doctor-hint>, which is appended to
// document.body (never inside TikTok's React-managed nodes) and positioned with `position: fixed`
// next to the failed message or the blocked composer, so TikTok's layout never shifts. Where
// exactly is decided by src/content/hint-place.ts from boxes read in one animation frame.

export interface HintContent {
  causeId: CauseId;
  earlier: boolean;
  settled: boolean;
  /** the background's words for the cause; until they come (the page's instant answer), its title and why only */
  words: HintWords | null;
  handle: string | null;
}

/** The recipient's profile on TikTok, from the @handle the page shows (kept in memory only). */
const profileOf = (handle: string | null): string | null => {
  const name = handle?.trim().replace(/^@+/, '');
  return name ? `https://www.tiktok.com/@${encodeURIComponent(name)}` : null;
};

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
      const w = c.words;
      title.textContent = t(c.earlier ? 'hint_earlier' : 'hint_not_sent', [w?.title ?? t(msgKey('cause', c.causeId, 'title'))]);
      row.replaceChildren();
      const fix = w?.fix;
      const profile = fix?.profileLabel ? profileOf(c.handle) : null;
      const href = profile ?? fix?.href;
      if (fix && href && /^https:/.test(href)) {
        const a = el('a', 'fix') as HTMLAnchorElement;
        a.href = href;
        a.target = '_blank';
        a.rel = 'noopener noreferrer';
        a.textContent = profile ? (fix.profileLabel ?? fix.label) : fix.label;
        row.append(a);
      }
      more.textContent = t('hint_details');
      off.textContent = t('hint_turn_off');
      row.append(more, off);
      const why = el('li', 'why');
      why.textContent = w?.why ?? t(msgKey('cause', c.causeId, 'why'));
      details.replaceChildren(why, ...(w?.steps ?? []).map((s) => Object.assign(el('li', 'step'), { textContent: s })));
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
