import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Diagnosis, RankedCause } from '../../contracts/diagnosis';
import type { TabView } from '../../contracts/tab-view';
import { fixAction } from '../../causes/catalogue';
import { causeActionLabel, causeSteps, causeTitle, causeWhy } from '../../causes/copy';
import { t, messagesLang } from '../../i18n/i18n';
import { EvidenceList } from './evidence';

const CONFIDENCE_WORDS = { high: 'confidence_high', medium: 'confidence_medium', low: 'confidence_low' } as const;

export function TopCause({ cause, diagnosis, view, onRecheck }: { cause: RankedCause; diagnosis: Diagnosis; view: TabView; onRecheck: () => void }) {
  const steps = causeSteps(cause.id, { browser: view.browser, handle: null });
  return (
    <section data-testid="top-cause" data-cause-id={cause.id} data-confidence={cause.confidence} class="card" aria-labelledby="top-title">
      <p class="side">{t(`side_${cause.side}`)} · <span class={`conf conf-${cause.confidence}`}>{t(CONFIDENCE_WORDS[cause.confidence])}</span></p>
      <h2 id="top-title">{causeTitle(cause.id)}</h2>
      {diagnosis.earlier && <p class="earlier">{t('popup_earlier_failure')}</p>}
      <p>{causeWhy(cause.id)}</p>
      {diagnosis.notice && (
        <figure class="notice">
          <figcaption>{t('popup_tiktok_says')}</figcaption>
          <blockquote data-testid="notice-text">{diagnosis.notice.slice(0, 200)}</blockquote>
        </figure>
      )}
      <h3>{t('popup_why_we_think')}</h3>
      <EvidenceList items={diagnosis.evidence.map((e) => (cause.why.some((w) => w.against && w.cls === e.cls) ? { ...e, against: true } : e))} />
      <h3>{t('popup_fix_steps')}</h3>
      <ol class="steps">
        {steps.map((s, i) => <li key={i}>{s}</li>)}
      </ol>
      <FixAction cause={cause} view={view} steps={steps} onRecheck={onRecheck} />
    </section>
  );
}

function FixAction({ cause, view, steps, onRecheck }: { cause: RankedCause; view: TabView; steps: string[]; onRecheck: () => void }) {
  const [copied, setCopied] = useState(false);
  const action = fixAction(cause.id, { lang: messagesLang(), browser: view.browser, handle: null });
  const label = causeActionLabel(cause.id, { browser: view.browser, handle: null });
  if (action.kind === 'open-url') {
    // Chrome refuses to follow chrome:// links from a page: open them through the tabs API.
    const open = (ev: Event) => {
      ev.preventDefault();
      void browser.tabs.create({ url: action.href });
    };
    return <a data-testid="fix-action" data-action="open-url" class="primary" href={action.href} target="_blank" rel="noopener noreferrer" onClick={open}>{label}</a>;
  }
  if (action.kind === 'copy-steps') {
    const copy = async () => {
      await navigator.clipboard.writeText(steps.join('\n')).catch(() => undefined);
      setCopied(true);
    };
    return (
      <>
        {action.address && <p class="address">{t('popup_open_address')} <code>{action.address}</code></p>}
        <button type="button" data-testid="fix-action" data-action="copy-steps" class="primary" onClick={copy}>{label}</button>
        <p role="status" class="confirm">{copied ? t('popup_copied') : ''}</p>
      </>
    );
  }
  return <button type="button" data-testid="fix-action" data-action="recheck" class="primary" onClick={onRecheck}>{label}</button>;
}

export function OtherCauses({ diagnosis }: { diagnosis: Diagnosis }) {
  const others = diagnosis.ranked.slice(1);
  if (!others.length) return null;
  return (
    <details class="others">
      <summary>{t('popup_other_causes', [others.length])}</summary>
      <ul>
        {others.map((c) => (
          <li key={c.id} data-testid="cause" data-cause-id={c.id} data-confidence={c.confidence}>
            <strong>{causeTitle(c.id)}</strong> <span class="conf">{t(CONFIDENCE_WORDS[c.confidence])}</span>
            <p>{causeWhy(c.id)}</p>
          </li>
        ))}
      </ul>
    </details>
  );
}
