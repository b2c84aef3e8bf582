import type { CauseId } from './cause-ids';

// What the content script reads from TikTok's page. Only system containers are read:
// never the text of anyone's messages, never names (the open chat's @handle stays in
// the content script's memory and is not part of an observation).

/** Which DOM generation of the inbox we recognised. */
export type Generation = 'dm-new' | 'legacy' | 'unknown';

/** What kind of page TikTok is showing at /messages. */
export type PageKind =
  | 'inbox' // the messages UI (either generation)
  | 'login' // logged out: login prompt / QR / phone-email instead of the inbox
  | 'rate-limited' // "You are visiting too fast", captcha, "Too many requests"
  | 'error' // "Something went wrong", "Page not available"…
  | 'region-unavailable' // legal / country block page
  | 'unknown'; // none of the above recognised (yet)

/** The composer (message box) of the open chat. */
export type ComposerState =
  | 'present' // an editor is there
  | 'no-chat' // no conversation open (inbox list only)
  | 'block-note' // replaced by "To send messages, unblock this account."
  | 'request-box' // replaced by an incoming message-request box (accept / delete)
  | 'missing'; // a chat is open but no editor and nothing recognised in its place

/** Where a notice sentence was found. */
export type NoticeSource = 'send-fail-tip' | 'dm-warning' | 'composer' | 'toast' | 'dialog' | 'page';

export interface Notice {
  /** TikTok's own sentence, whitespace-collapsed, at most 200 characters. */
  text: string;
  /** The cause the sentence is known to mean, or null when the text is unknown. */
  causeId: CauseId | null;
  /** Language of the catalogue entry that matched, null when unknown. */
  lang: 'en' | 'fr' | null;
  source: NoticeSource;
}

export interface FailureCounts {
  /** failed bubbles currently in the DOM (warning slot holds an icon or text) */
  total: number;
  /** of those, sent by the person using the browser */
  own: number;
}

export interface PageObservation {
  generation: Generation;
  page: PageKind;
  chatOpen: boolean;
  composer: ComposerState;
  failures: FailureCounts;
  notice: Notice | null;
  /** "This message type isn't supported. Download TikTok app to view this message." present */
  unsupportedMessage: boolean;
}
