import type { EvidenceItem } from '../../contracts/diagnosis';
import { evidenceText } from '../evidence-text';
import { t } from '../../i18n/i18n';

export function EvidenceList({ items }: { items: (EvidenceItem & { against?: boolean })[] }) {
  return (
    <ul class="evidence">
      {items.map((e, i) => (
        <li key={i} data-testid="evidence" data-evidence-class={e.cls} class={e.against ? 'against' : undefined}>
          {evidenceText(e)}
          {e.against && (
            <>
              {' '}
              <span class="against-note">{t('ev_against_note')}</span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
