import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { RankedCause } from '../../contracts/diagnosis';
import type { TabView } from '../../contracts/tab-view';
import { fixAction } from '../../causes/catalogue';
import { causeActionLabel } from '../../causes/copy';
import { clockTime, relativeTime } from '../../i18n/format';
import { t, messagesLang } from '../../i18n/i18n';

export interface FixProps {
  cause: RankedCause;
  view: TabView;
  steps: string[];
  /** the open chat's @handle from the tab's content script: memory only, never stored or reported */
  handle: string | null;
  onRecheck: () => void;
  onReload: () => void;
}

/** The top cause's one fix button (DESIGN.md: exactly one `fix-action`), with the line it needs. */
export function FixAction({ cause, view, steps, handle, onRecheck, onReload }: FixProps) {
  const [copied, setCopied] = useState(false);
  const lang = messagesLang();
  const action = fixAction(cause.id, { lang, browser: view.browser, handle });
  const label = causeActionLabel(cause.id, { browser: view.browser, handle });
  const copy = async (text: string) => {
    await navigator.clipboard.writeText(text).catch(() => undefined);
    setCopied(true);
  };
  switch (action.kind) {
    case 'open-url': {
      // Chrome refuses to follow chrome:// links from a page: open them through the tabs API.
      const open = (ev: Event) => {
        ev.preventDefault();
        void browser.tabs.create({ url: action.href });
      };
      return (
        <a
          data-testid="fix-action"
          data-action="open-url"
          class="primary"
          href={action.href}
          target="_blank"
          rel="noopener noreferrer"
          onClick={open}
        >
          {label}
        </a>
      );
    }
    case 'copy-address':
      return (
        <>
          <p class="address">
            {t('popup_paste_address')} <code>{action.address}</code>
          </p>
          <button type="button" data-testid="fix-action" data-action="copy-address" class="primary" onClick={() => copy(action.address)}>
            {label}
          </button>
          <p role="status" class="confirm">
            {copied ? t('popup_address_copied') : ''}
          </p>
        </>
      );
    case 'copy-steps':
      return (
        <>
          <button type="button" data-testid="fix-action" data-action="copy-steps" class="primary" onClick={() => copy(steps.join('\n'))}>
            {label}
          </button>
          <p role="status" class="confirm">
            {copied ? t('popup_copied') : ''}
          </p>
        </>
      );
    case 'reload-tab':
      return (
        <button type="button" data-testid="fix-action" data-action="reload-tab" class="primary" onClick={onReload}>
          {label}
        </button>
      );
    default: {
      const at = view.retryAt ?? null;
      return (
        <>
          {action.wait && (
            <p class="wait" data-testid="wait-until" data-retry-at={at ?? ''}>
              {at ? t('popup_wait_until', [clockTime(lang, at), relativeTime(lang, at - Date.now())]) : t('popup_wait_unknown')}
            </p>
          )}
          <button
            type="button"
            data-testid="fix-action"
            data-action="recheck"
            class="primary"
            onClick={onRecheck}
            disabled={view.checksRunning}
          >
            {label}
          </button>
        </>
      );
    }
  }
}
