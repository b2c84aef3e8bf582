import type { TabView } from '../../contracts/tab-view';
import { t } from '../../i18n/i18n';

const ICON: Record<string, string> = { pass: '✓', warn: '!', fail: '✕', skipped: '–', running: '…' };

export function reasonText(reason: { key: string; params?: Record<string, string | number> }): string {
  return t(`reason_${reason.key.replace(/[^a-z0-9]+/gi, '_')}`, Object.values(reason.params ?? {}).map(String));
}

export function Checks({ view }: { view: TabView }) {
  return (
    <section class="checks" aria-labelledby="checks-title" data-run-id={view.checksRunId ?? ''}>
      <h2 id="checks-title">{t('popup_checks')}</h2>
      {view.checksAgeMs != null && view.checksAgeMs > 5000 && <p class="hint">{t('popup_checks_age', [Math.round(view.checksAgeMs / 1000)])}</p>}
      <ul aria-live="polite">
        {view.checks.map((c) => (
          <li key={c.id} data-testid="check" data-check-id={c.id} data-status={c.status} class={`check ${c.status}`}>
            <span class="icon" aria-hidden="true">{ICON[c.status]}</span>
            <span class="name">{t(`check_${c.id.replace(/-/g, '_')}`)}</span>
            <span class="status">{t(`status_${c.status}`)}</span>
            <span class="reason">{reasonText(c.reason)}{c.ms != null && c.status !== 'skipped' ? ` (${c.ms} ms)` : ''}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
