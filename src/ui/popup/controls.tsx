import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { TabView } from '../../contracts/tab-view';
import type { Settings } from '../../background/settings';
import { EXTERNAL_CHECK_ORIGINS } from '../../checks/external-origins';
import { bugs } from '../../../package.json';
import { t } from '../../i18n/i18n';

export function Controls({ view, onRecheck, onSettings }: { view: TabView; onRecheck: () => void; onSettings: (s: Partial<Settings>) => void }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(view.report).catch(() => undefined);
    setCopied(true);
  };
  const toggleExternal = async () => {
    const want = !view.settings.externalChecksAllowed;
    // The permission prompt must come from this click (a user gesture): nothing is awaited before it.
    await (want ? browser.permissions.request({ origins: EXTERNAL_CHECK_ORIGINS }) : browser.permissions.remove({ origins: EXTERNAL_CHECK_ORIGINS })).catch(() => false);
    // The background looks at the permission itself (permissions.contains); the value sent is not trusted.
    onSettings({ externalChecksAllowed: want });
  };
  const reportWrong = async () => {
    await copy();
    void browser.tabs.create({ url: bugs.url });
  };
  return (
    <section class="controls" aria-label={t('popup_controls')}>
      <div class="row">
        <button type="button" data-testid="check-again" onClick={onRecheck} disabled={view.checksRunning}>
          {view.state === 'no-problem' || view.state === 'not-tiktok' ? t('popup_run_checks') : t('popup_check_again')}
        </button>
        <button type="button" data-testid="copy-report" onClick={copy}>{t('popup_copy_report')}</button>
      </div>
      <p role="status" class="confirm">{copied ? t('popup_report_copied') : ''}</p>
      <details class="report">
        <summary>{t('popup_show_report')}</summary>
        <pre data-testid="report-text" tabIndex={0}>{view.report}</pre>
      </details>
      <button type="button" role="switch" data-testid="hints-toggle" aria-checked={view.settings.hintsEnabled} class="switch" onClick={() => onSettings({ hintsEnabled: !view.settings.hintsEnabled })}>
        <span class="knob" aria-hidden="true" />
        {t('popup_hints_toggle')}
      </button>
      <button type="button" role="switch" data-testid="allow-external-checks" aria-checked={view.settings.externalChecksAllowed} aria-describedby="external-why" class="switch" onClick={toggleExternal}>
        <span class="knob" aria-hidden="true" />
        {t('popup_allow_external')}
      </button>
      <p id="external-why" class="hint">{t('popup_allow_external_why')}</p>
      <p class="links">
        <a data-testid="privacy-link" href={browser.runtime.getURL('/privacy.html')} target="_blank" rel="noopener">{t('popup_privacy')}</a>
        {' · '}
        <button type="button" class="link" data-testid="report-wrong" onClick={reportWrong}>{t('popup_report_wrong')}</button>
      </p>
    </section>
  );
}
