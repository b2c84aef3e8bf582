import type { CauseId } from '../contracts/cause-ids';
import type { PageKind } from '../contracts/observation';

// TikTok's own sentences, per language, with the cause each one means.
// Source: TikTok's own sentences as shown on the web and in the app (English, French); docs/ lists them.
// French entries exist only where TikTok's exact wording is public; everything else is
// detected by structure and shown verbatim.
//
// How a row matches (after normalizeNotice on both sides):
//   exact   equal, or the text starts with the sentence and goes on after a word boundary
//   prefix  the text starts with it (the sentence is truncated in the source, or a link follows)
//   phrase  the fragment occurs anywhere (page-level phrases the bots search for)
// `page` is the kind of page the text means when it is the page's own text.

export type NoticeLang = 'en' | 'fr';
export type MatchMode = 'exact' | 'prefix' | 'phrase';

export interface NoticeText {
  text: string;
  causeId: CauseId;
  lang: NoticeLang;
  match: MatchMode;
  page?: PageKind;
  /** a UI label ("Log in"), not a sentence: it tells the page apart but is never reported as a notice */
  label?: true;
  ref: string;
}

const row = (ref: string, lang: NoticeLang, match: MatchMode, causeId: CauseId, text: string, page?: PageKind): NoticeText =>
  page ? { ref, lang, match, causeId, text, page } : { ref, lang, match, causeId, text };
const label = (entry: NoticeText): NoticeText => ({ ...entry, label: true });

export const NOTICE_TEXTS: readonly NoticeText[] = [
  // notices beside a failed bubble
  row('E1', 'en', 'exact', 'sending-too-fast', 'You are sending messages too fast. Take a rest.'),
  row('E2', 'en', 'exact', 'not-friends', 'Only friends can send messages to each other'),
  row('E3', 'en', 'exact', 'recipient-settings', "Cannot send messages due to this user's privacy settings"),
  row('E4', 'en', 'exact', 'recipient-settings', "This user is unable to receive your message due to this user's privacy settings"),
  row(
    'E5',
    'en',
    'exact',
    'recipient-settings',
    'The message couldn’t be sent due to receiver’s settings. We will resend the message once they update their permission.',
  ),
  row(
    'E6',
    'en',
    'exact',
    'recipient-suspended',
    'The account you are trying to contact has been suspended and may not be able to receive your message.',
  ),
  row(
    'E7',
    'en',
    'exact',
    'recipient-restricted',
    "This account can't send or receive messages due to multiple Community Guidelines violations.",
  ),
  row(
    'E8',
    'en',
    'exact',
    'dm-ban',
    'Due to multiple Community Guideline violations, you’re temporarily prevented from sending and receiving messages. View details in your app notifications.',
  ),
  row(
    'E9',
    'en',
    'prefix',
    'content-flagged',
    'This message violated our Community Guidelines. We restrict certain content and actions to protect our community. If you believe this was a mistake, tap',
  ),
  row('E10', 'en', 'exact', 'chat-limit', 'Chat messages limit reached. You will not be able to send messages to this user.'),
  // server tips from raw responses
  row('7193', 'en', 'exact', 'request-pending', 'You can only send up to 1 message before this user accepts your message request.'),
  row(
    '7195',
    'en',
    'prefix',
    'content-flagged',
    'This message may be in violation of our Community Guidelines, and has not been sent to protect our community. If you believe this was a mistake',
  ),
  // 7174 is a *sent* status: this sentence only explains a failed bubble (diagnosis/rules.ts SENT_STATUS_CODES)
  row('7174/3-cap', 'en', 'prefix', 'request-pending', 'You can only send 3 messages'),
  // composer replacement, unsupported message, request box
  row('webdm_inputbox_block_note', 'en', 'exact', 'blocked', 'To send messages, unblock this account.'),
  row(
    'webdm_message_not_supported',
    'en',
    'exact',
    'unsupported-on-web',
    "This message type isn't supported. Download TikTok app to view this message.",
  ),
  row('dm_message_request', 'en', 'phrase', 'incoming-request', 'Note that this user may send up to 3 messages total'),
  // page-level texts
  row('page/too-fast', 'en', 'exact', 'sending-too-fast', 'You are visiting too fast', 'rate-limited'),
  row('page/too-fast', 'en', 'phrase', 'sending-too-fast', 'temporarily blocked', 'rate-limited'),
  row('page/too-fast', 'en', 'phrase', 'sending-too-fast', 'verify you are human', 'rate-limited'),
  row('page/too-fast', 'en', 'phrase', 'sending-too-fast', 'Too many requests', 'rate-limited'),
  row('page/error', 'en', 'exact', 'temporary-glitch', 'Page not available', 'error'),
  row('page/error', 'en', 'exact', 'temporary-glitch', 'Sorry about that', 'error'),
  row('page/error', 'en', 'exact', 'temporary-glitch', 'Something went wrong', 'error'),
  row('page/error', 'en', 'exact', 'temporary-glitch', "Page isn't available", 'error'),
  row('page/no-account', 'en', 'exact', 'recipient-suspended', "Couldn't find this account"),
  label(row('page/login', 'en', 'exact', 'logged-out', 'Log in', 'login')),
  label(row('page/login', 'en', 'exact', 'logged-out', 'Use QR code', 'login')),
  label(row('page/login', 'en', 'exact', 'logged-out', 'Use phone / email', 'login')),
  row('page/login', 'en', 'exact', 'logged-out', 'Maximum number of attempts reached. Try again later.', 'login'),
  row('page/not-following', 'en', 'exact', 'not-friends', "Messages cannot be sent since this user isn't following you."),
  row('page/account-status', 'en', 'exact', 'dm-ban', 'Direct messages: Restricted from sending messages'),
  row(
    'page/region-us',
    'en',
    'prefix',
    'region-unavailable',
    "Sorry, TikTok isn't available right now. A law banning TikTok has been enacted in the U.S",
    'region-unavailable',
  ),
  row('page/region-in', 'en', 'exact', 'region-unavailable', "You don't have access to this page", 'region-unavailable'),
  row(
    'page/region-in',
    'en',
    'exact',
    'region-unavailable',
    'Our services are not available in your country or region',
    'region-unavailable',
  ),
  row(
    'page/region-in',
    'en',
    'prefix',
    'region-unavailable',
    'On June 29, 2020 the Govt. of India decided to block 59 apps',
    'region-unavailable',
  ),
  // French: app strings, TikTok's exact wording (not seen on the web)
  row('fr/offline', 'fr', 'exact', 'offline', 'Connecte-toi à Internet et réessaie.'),
  row('fr/offline', 'fr', 'exact', 'offline', 'Aucune connexion à Internet'),
  row('fr/error', 'fr', 'exact', 'temporary-glitch', 'Une erreur est survenue. Merci de réessayer.', 'error'),
  row('fr/error', 'fr', 'exact', 'temporary-glitch', 'Échec du chargement. Appuie pour réessayer.', 'error'),
  row('fr/update', 'fr', 'exact', 'unsupported-on-web', "Merci d'installer la dernière version de TikTok"),
  row('fr/phone', 'fr', 'exact', 'phone-unverified', 'Ajouter un numéro de téléphone'),
];

const CURLY = /[‘’]/g;
const CURLY_DOUBLE = /[“”]/g;
const SPACES = /\s+/g;

/** Straight quotes, single spaces, trimmed, lower-case: the form texts are compared in. */
export function normalizeNotice(text: string): string {
  return text.replace(CURLY, "'").replace(CURLY_DOUBLE, '"').replace(SPACES, ' ').trim().toLowerCase();
}

const NORMALISED = NOTICE_TEXTS.map((entry) => ({ entry, key: normalizeNotice(entry.text) }));
const WORD_CHAR = /[\p{L}\p{N}]/u;

function matches(text: string, key: string, mode: MatchMode): boolean {
  if (mode === 'phrase') return text.includes(key);
  if (!text.startsWith(key)) return false;
  if (mode === 'prefix' || text.length === key.length) return true;
  return !WORD_CHAR.test(text.charAt(key.length)); // "Log in to…" yes, "Login…" no
}

/** Longest texts compared: the longest catalogue sentence is < 200 characters. */
const MAX_COMPARED = 1000;

/** The catalogue row a text matches, or null. */
export function findNoticeText(text: string): NoticeText | null {
  const normalised = normalizeNotice(text.slice(0, MAX_COMPARED * 4)).slice(0, MAX_COMPARED);
  if (!normalised) return null;
  for (const { entry, key } of NORMALISED) {
    if (matches(normalised, key, entry.match)) return entry;
  }
  return null;
}
