import type { CauseId } from './cause-ids';

/** The background's answer for a tab's hint. */
export interface HintUpdate {
  state: 'problem' | 'no-problem' | 'ui-unrecognized' | 'checking' | 'not-tiktok';
  causeId: CauseId | null;
  /** the failure was already in the chat history when it opened */
  earlier: boolean;
  hintsEnabled: boolean;
  /** the page report (seq) this answer took into account; null when none */
  seq: number | null;
  /** the frame/page instance that report came from */
  pageId: string | null;
  dismissed: string[];
}
