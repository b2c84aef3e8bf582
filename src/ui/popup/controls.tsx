import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { TabView } from '../../contracts/tab-view';
import type { Settings } from '../../contracts/settings';
import { EXTERNAL_CHECK_ORIGINS } from '../../checks/external-origins';
import { ISSUES_URL } from '../../causes/urls';
import { t } from '../../i18n/i18n';
import { issueUrl, type ReportKind } from './report-link';

/** Settings, behind one disclosure: hints on TikTok's page, outside checks, privacy. */
export function SettingsBox({ view, onSettings }: { view: TabView; onSettings: (s: Partial<Settings>) => void }) {
  const toggleExternal = async () => {
    const want = !view.settings.externalChecksAllowed;
    // The permission prompt must come from this click (a user gesture): nothing is awaited before it.
    await (want
      ? browser.permissions.request({ origins: EXTERNAL_CHECK_ORIGINS })
      : browser.permissions.remove({ origins: EXTERNAL_CHECK_ORIGINS })
    ).catch(() => false);
    // The background looks at the permission itself (permissions.contains); the value sent is not trusted.
    onSettings({ externalChecksAllowed: want });
  };
  return (
    <details class="more settings">
      <summary>{t('popup_settings')}</summary>
      <button
        type="button"
        role="switch"
        data-testid="hints-toggle"
        aria-checked={view.settings.hintsEnabled}
        class="switch"
        onClick={() => onSettings({ hintsEnabled: !view.settings.hintsEnabled })}
      >
        <span class="knob" aria-hidden="true" />
        {t('popup_hints_toggle')}
      </button>
      <button
        type="button"
        role="switch"
        data-testid="allow-external-checks"
        aria-checked={view.settings.externalChecksAllowed}
        aria-describedby="external-why"
        class="switch"
        onClick={toggleExternal}
      >
        <span class="knob" aria-hidden="true" />
        {t('popup_allow_external')}
      </button>
      <p id="external-why" class="hint">
        {t('popup_allow_external_why')}
      </p>
      <p class="links">
        <a data-testid="privacy-link" href={browser.runtime.getURL('/privacy.html')} target="_blank" rel="noopener">
          {t('popup_privacy')}
        </a>
      </p>
    </details>
  );
}

const TITLES: Record<ReportKind, (view: TabView) => string> = {
  // For the maintainers, who read English: the cause id or the state, never anything from the page.
  'wrong-answer': (v) => `Wrong answer: ${v.diagnosis?.ranked[0]?.id ?? v.state}`,
  'page-changed': (v) => `TikTok changed its page (${v.reason ?? v.state})`,
};

/**
 * "Help improve DM Doctor": the redacted report, copy it, and the two ways to tell us something is
 * wrong. Each first shows and copies the exact report, then offers the prefilled GitHub issue, saying
 * that GitHub needs an account and that the copied text can be pasted anywhere else.
 */
export function ReportBox({ view }: { view: TabView }) {
  const [copied, setCopied] = useState(false);
  const [sharing, setSharing] = useState<ReportKind | null>(null);
  const copy = async () => {
    await navigator.clipboard.writeText(view.report).catch(() => undefined);
    setCopied(true);
  };
  const share = async (kind: ReportKind) => {
    setSharing(kind);
    await copy();
  };
  const href = sharing ? issueUrl(ISSUES_URL, TITLES[sharing](view), view.report, t('popup_report_cut')) : '';
  const openIssue = (ev: Event) => {
    ev.preventDefault();
    void browser.tabs.create({ url: href });
  };
  return (
    <details class="more help" open={sharing !== null || undefined}>
      <summary>{t('popup_help_improve')}</summary>
      <p class="hint">{t('popup_report_about')}</p>
      <div class="row">
        <button type="button" data-testid="report-wrong" onClick={() => share('wrong-answer')}>
          {t('popup_report_wrong')}
        </button>
        <button type="button" data-testid="report-page-changed" onClick={() => share('page-changed')}>
          {t('popup_report_page_changed')}
        </button>
        <button type="button" data-testid="copy-report" onClick={copy}>
          {t('popup_copy_report')}
        </button>
      </div>
      <p role="status" class="confirm">
        {copied ? t('popup_report_copied') : ''}
      </p>
      {sharing && (
        <div class="share" data-testid="report-share">
          <p>{t('popup_report_github_note')}</p>
          <a data-testid="report-issue-link" class="primary" href={href} target="_blank" rel="noopener noreferrer" onClick={openIssue}>
            {t('popup_report_open_github')}
          </a>
        </div>
      )}
      <details class="report" open={sharing !== null || undefined}>
        <summary>{t('popup_show_report')}</summary>
        <pre data-testid="report-text">{view.report}</pre>
      </details>
    </details>
  );
}
