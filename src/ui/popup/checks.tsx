import type { TabView } from '../../contracts/tab-view';
import { plural, relativeTime } from '../../i18n/format';
import { t, messagesLang } from '../../i18n/i18n';
import { msgKey } from '../../i18n/keys';

const ICON: Record<string, string> = { pass: '✓', warn: '!', fail: '✕', skipped: '–', running: '…' };

export function reasonText(reason: { key: string; params?: Record<string, string | number> }): string {
  return t(`reason_${reason.key.replace(/[^a-z0-9]+/gi, '_')}`, Object.values(reason.params ?? {}).map(String));
}

/** Whether a check run exists for this tab (or runs now). */
export function checksRan(view: TabView): boolean {
  return view.checksRunning || view.checksRunId != null;
}

/** "Connection: 6 OK · 1 problem" — one whole message per count, joined as a list. */
export function checksSummary(view: TabView): string {
  const lang = messagesLang();
  if (view.checksRunning) return t('popup_checks_summary', [t('popup_checks_running')]);
  if (!checksRan(view)) return t('popup_checks_summary', [t('popup_checks_not_run')]);
  const n = (status: string) => view.checks.filter((c) => c.status === status).length;
  const parts = [
    n('pass') && plural(t, lang, 'popup_checks_ok', n('pass')),
    n('fail') && plural(t, lang, 'popup_checks_problems', n('fail')),
    n('warn') && plural(t, lang, 'popup_checks_warnings', n('warn')),
    n('skipped') && plural(t, lang, 'popup_checks_skipped', n('skipped')),
  ].filter((p): p is string => !!p);
  return t('popup_checks_summary', [parts.join(' · ')]);
}

/**
 * The connection checks, collapsed into one summary line unless one failed or is running. The nine
 * rows stay in the DOM (DESIGN.md); "Run checks" before any ran, "Check again" after.
 */
export function Checks({ view, onRecheck }: { view: TabView; onRecheck: () => void }) {
  const ran = checksRan(view);
  const open = view.checksRunning || view.checks.some((c) => c.status === 'fail' || c.status === 'running');
  const age = view.checksAgeMs != null && view.checksAgeMs > 5000 ? relativeTime(messagesLang(), -view.checksAgeMs) : null;
  return (
    <section class="checks" aria-label={t('popup_checks')} data-run-id={view.checksRunId ?? ''}>
      <div class="checks-line">
        <details open={open}>
          <summary data-testid="checks-summary">{checksSummary(view)}</summary>
          {age && <p class="hint">{t('popup_checks_age', [age])}</p>}
          <ul aria-live="polite">
            {view.checks.map((c) => (
              <li key={c.id} data-testid="check" data-check-id={c.id} data-status={c.status} class={`check ${c.status}`}>
                <span class="icon" aria-hidden="true">
                  {ICON[c.status]}
                </span>
                <span class="name">{t(msgKey('check', c.id))}</span>
                <span class="status">{t(`status_${c.status}`)}</span>
                <span class="reason">
                  {reasonText(c.reason)}
                  {c.ms != null && c.status !== 'skipped' ? ` (${c.ms} ms)` : ''}
                </span>
              </li>
            ))}
          </ul>
        </details>
        <button type="button" data-testid="check-again" class="small" onClick={onRecheck} disabled={view.checksRunning}>
          {ran ? t('popup_check_again') : t('popup_run_checks')}
        </button>
      </div>
    </section>
  );
}
