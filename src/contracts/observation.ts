import * as z from 'zod/mini';
import { isCauseId, type CauseId } from './cause-ids';

// What the content script reads from TikTok's page. Only system containers are read: never the
// text of anyone's messages, never names (the open chat's @handle stays in the content script's
// memory and is not part of an observation). Schemas are the single source; types are inferred.

/** Which DOM generation of the inbox was recognised. */
export const GENERATIONS = ['dm-new', 'legacy', 'unknown'] as const;
export type Generation = (typeof GENERATIONS)[number];

/**
 * What kind of page TikTok shows at /messages: `inbox` (either generation), `login` (logged out),
 * `rate-limited` ("You are visiting too fast", captcha, "Too many requests"), `error` ("Something went
 * wrong"…), `region-unavailable` (legal / country block), `unknown` (nothing recognised yet).
 */
export const PAGE_KINDS = ['inbox', 'login', 'rate-limited', 'error', 'region-unavailable', 'unknown'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

/**
 * The open chat's composer: `present` (an editor), `no-chat` (no conversation open), `block-note`
 * ("To send messages, unblock this account."), `request-box` (an incoming request: accept / delete),
 * `missing` (a chat is open but nothing recognised in the composer's place).
 */
export const COMPOSER_STATES = ['present', 'no-chat', 'block-note', 'request-box', 'missing'] as const;
export type ComposerState = (typeof COMPOSER_STATES)[number];

/** Where a notice sentence was found. */
export const NOTICE_SOURCES = ['send-fail-tip', 'dm-warning', 'composer', 'toast', 'dialog', 'page'] as const;
export type NoticeSource = (typeof NOTICE_SOURCES)[number];

const count = () => z.number().check(z.int(), z.minimum(0));

export const NoticeSchema = z.object({
  /** TikTok's own sentence, whitespace-collapsed, at most 200 characters */
  text: z.string().check(z.maxLength(200)),
  /** the cause the sentence is known to mean, null when the text is unknown */
  causeId: z.nullable(z.custom<CauseId>(isCauseId)),
  /** language of the catalogue entry that matched, null when unknown */
  lang: z.nullable(z.enum(['en', 'fr'])),
  source: z.enum(NOTICE_SOURCES),
});
export type Notice = z.infer<typeof NoticeSchema>;

export const ObservationSchema = z.object({
  generation: z.enum(GENERATIONS),
  page: z.enum(PAGE_KINDS),
  chatOpen: z.boolean(),
  composer: z.enum(COMPOSER_STATES),
  /** failed bubbles in the DOM (warning slot holds an icon or text); `own`: sent by this browser's person */
  failures: z.object({ total: count(), own: count() }),
  notice: z.nullable(NoticeSchema),
  /** "This message type isn't supported. Download TikTok app to view this message." present */
  unsupportedMessage: z.boolean(),
});
export type PageObservation = z.infer<typeof ObservationSchema>;
export type FailureCounts = PageObservation['failures'];
