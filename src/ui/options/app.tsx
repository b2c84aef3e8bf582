import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '../../contracts/protocol';
import type { Settings } from '../../contracts/settings';
import { EXTERNAL_CHECK_ORIGINS } from '../../checks/external-origins';
import type { WhatsNew } from '../../contracts/whats-new';
import { CHANGELOG } from './changelog';
import { t } from '../../i18n/i18n';

// The settings page (options_ui). Settings go through the same path as the popup's: read from the
// background's view, written with anySetSettings; outside checks are the browser's permission,
// asked for from the click itself (a user gesture), then the background looks at it again. The
// what's-new note comes from the background too (no extension storage read here).

const COMMAND = import.meta.env.BROWSER === 'firefox' ? '_execute_browser_action' : '_execute_action';

async function readSettings(): Promise<Settings | null> {
  const view = await sendMessage('popupGetView', { tabId: null, activeTabId: null, activeUrl: null }).catch(() => null);
  return view?.settings ?? null;
}

export function OptionsApp() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [shortcut, setShortcut] = useState<string | null | undefined>(undefined);
  const [news, setNews] = useState<WhatsNew | null>(null);
  const refresh = () => readSettings().then(setSettings);
  useEffect(() => {
    void refresh();
    browser.commands
      .getAll()
      .then((all) => setShortcut(all.find((c) => c.name === COMMAND)?.shortcut || null))
      .catch(() => setShortcut(null));
    sendMessage('optionsGetWhatsNew', null)
      .then(setNews)
      .catch(() => setNews(null));
  }, []);

  const setHints = async (on: boolean) => {
    await sendMessage('anySetSettings', { hintsEnabled: on }).catch(() => undefined);
    await refresh();
  };
  const toggleExternal = async () => {
    const want = !settings?.externalChecksAllowed;
    // The permission prompt must come from this click: nothing is awaited before it.
    await (want
      ? browser.permissions.request({ origins: EXTERNAL_CHECK_ORIGINS })
      : browser.permissions.remove({ origins: EXTERNAL_CHECK_ORIGINS })
    ).catch(() => false);
    await sendMessage('anySetSettings', { externalChecksAllowed: want }).catch(() => undefined);
    await refresh();
  };

  return (
    <main data-testid="options" data-settled={String(settings !== null && shortcut !== undefined)}>
      <h1>{t('options_title')}</h1>
      {news && (
        <p class="news" role="status" data-testid="whats-new">
          {t('options_updated', [news.from, news.to])}
        </p>
      )}
      <section aria-labelledby="settings-h">
        <h2 id="settings-h">{t('options_settings')}</h2>
        <button
          type="button"
          role="switch"
          class="switch"
          data-testid="hints-toggle"
          aria-checked={settings?.hintsEnabled ?? false}
          aria-describedby="hints-why"
          disabled={!settings}
          onClick={() => void setHints(!settings?.hintsEnabled)}
        >
          <span class="knob" aria-hidden="true" />
          {t('options_hints')}
        </button>
        <p id="hints-why" class="why">
          {t('options_hints_why')}
        </p>
        <button
          type="button"
          role="switch"
          class="switch"
          data-testid="allow-external-checks"
          aria-checked={settings?.externalChecksAllowed ?? false}
          aria-describedby="external-why"
          disabled={!settings}
          onClick={() => void toggleExternal()}
        >
          <span class="knob" aria-hidden="true" />
          {t('options_external')}
        </button>
        <p id="external-why" class="why">
          {t('options_external_why')}
        </p>
      </section>
      <section aria-labelledby="privacy-h">
        <h2 id="privacy-h">{t('options_privacy')}</h2>
        <p>{t('options_privacy_text')}</p>
        <p>
          <a data-testid="privacy-link" href={browser.runtime.getURL('/privacy.html')} target="_blank" rel="noopener">
            {t('options_privacy_link')}
          </a>
        </p>
      </section>
      <section aria-labelledby="about-h">
        <h2 id="about-h">{t('options_about')}</h2>
        <p data-testid="version">{t('options_version', [browser.runtime.getManifest().version])}</p>
        <p data-testid="shortcut" data-shortcut={shortcut ?? ''}>
          {shortcut ? t('options_shortcut', [shortcut]) : t('options_shortcut_none')}
        </p>
      </section>
      <section aria-labelledby="changelog-h" data-testid="changelog">
        <h2 id="changelog-h">{t('options_changelog')}</h2>
        {CHANGELOG.map((s) => (
          <div key={s.title}>
            <h3>{s.title}</h3>
            <ul>
              {s.items.map((i) => (
                <li key={i}>{i}</li>
              ))}
            </ul>
          </div>
        ))}
      </section>
    </main>
  );
}
