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
  /** the likely cause's words for the hint, in the extension's language; null without a cause */
  words: HintWords | null;
}

/**
 * What the hint says about a cause, built by the background (the catalogue and the fix links stay
 * out of the content script, which only has the page's own instant answer's title and why).
 */
export interface HintWords {
  title: string;
  why: string;
  steps: string[];
  /** the fix link (https only), or null when the fix is not a link the hint can open */
  fix: {
    label: string;
    href: string;
    /** the fix opens the recipient's profile when the page shows their @handle: this label then */
    profileLabel?: string;
  } | null;
}
