import type { TabState } from './tab-state';
import type { Settings } from './settings';
import type { Diagnosis } from '../contracts/diagnosis';
import type { HintUpdate } from '../contracts/hint-update';

/** What the tab's in-page hint should show, from the background's latest diagnosis. */
export function hintUpdateOf(s: TabState, d: Diagnosis | null, settings: Settings, running: boolean): HintUpdate {
  const top = d?.problem ? d.ranked[0] : undefined;
  const unrecognised = s.onMessages && s.page?.recognition === 'unrecognized';
  return {
    state: top ? 'problem' : unrecognised ? 'ui-unrecognized' : running && !d ? 'checking' : 'no-problem',
    causeId: top?.id ?? null,
    confidence: top?.confidence ?? null,
    earlier: d?.earlier ?? false,
    hintsEnabled: settings.hintsEnabled,
    dismissed: s.dismissed,
    seq: s.page?.seq ?? null,
    pageId: s.page?.pageId ?? null,
  };
}
