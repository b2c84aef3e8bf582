import type { Diagnosis, RankedCause } from '../../contracts/diagnosis';
import type { TabView } from '../../contracts/tab-view';
import { causeSteps, causeTitle, causeWhy } from '../../causes/copy';
import { sideLabelKey } from '../../causes/catalogue';
import { t } from '../../i18n/i18n';
import { EvidenceList } from './evidence';
import { FixAction } from './fix-action';

const CONFIDENCE_WORDS = { high: 'confidence_high', medium: 'confidence_medium', low: 'confidence_low' } as const;

interface TopProps {
  cause: RankedCause;
  diagnosis: Diagnosis;
  view: TabView;
  handle: string | null;
  onRecheck: () => void;
  onReload: () => void;
}

/**
 * The answer, above the fold: the likely cause, how sure, why in a line, TikTok's notice (once),
 * the one fix button, then what to do. Evidence and other causes wait behind disclosures below.
 */
export function TopCause({ cause, diagnosis, view, handle, onRecheck, onReload }: TopProps) {
  const steps = causeSteps(cause.id, { browser: view.browser, handle });
  return (
    <section data-testid="top-cause" data-cause-id={cause.id} data-confidence={cause.confidence} class="card" aria-labelledby="top-title">
      <p class="side">
        {t(sideLabelKey(cause.side))} · <span class={`conf conf-${cause.confidence}`}>{t(CONFIDENCE_WORDS[cause.confidence])}</span>
      </p>
      <h2 id="top-title">{causeTitle(cause.id)}</h2>
      <p class="why">{causeWhy(cause.id)}</p>
      {diagnosis.notice && (
        <figure class="notice">
          <figcaption>{t(diagnosis.earlier ? 'popup_tiktok_said_earlier' : 'popup_tiktok_says')}</figcaption>
          <blockquote data-testid="notice-text" dir="auto">
            {diagnosis.notice.slice(0, 200)}
          </blockquote>
        </figure>
      )}
      {!diagnosis.notice && diagnosis.earlier && <p class="earlier">{t('popup_earlier_failure')}</p>}
      <FixAction cause={cause} view={view} steps={steps} handle={handle} onRecheck={onRecheck} onReload={onReload} />
      <h3 id="steps-title">{t('popup_fix_steps')}</h3>
      <ol class="steps" data-testid="fix-steps" aria-labelledby="steps-title">
        {steps.map((s, i) => (
          <li key={i}>{s}</li>
        ))}
      </ol>
    </section>
  );
}

/** Why we think so: the evidence, collapsed (each fact is already said once above when it matters). */
export function WhyWeThink({ diagnosis, cause }: { diagnosis: Diagnosis; cause?: RankedCause }) {
  if (!diagnosis.evidence.length) return null;
  const items = diagnosis.evidence.map((e) => (cause?.why.some((w) => w.against && w.cls === e.cls) ? { ...e, against: true } : e));
  return (
    <details class="more evidence-box">
      <summary>{t('popup_why_we_think')}</summary>
      <EvidenceList items={items} />
    </details>
  );
}

export function OtherCauses({ diagnosis }: { diagnosis: Diagnosis }) {
  const others = diagnosis.ranked.slice(1, 5);
  if (!others.length) return null;
  return (
    <details class="more others">
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
