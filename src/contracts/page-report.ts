import * as z from 'zod/mini';
import { ObservationSchema } from './observation';

/**
 * Why a report says the page cannot be read: nothing known found (`page-changed`), or the inbox is
 * known but the open chat's rows or warning slots are not (`chat-unreadable`).
 */
export const UNREADABLE_REASONS = ['page-changed', 'chat-unreadable'] as const;
export type UnreadableReason = (typeof UNREADABLE_REASONS)[number];

/** What the content script sends about its frame. No message text, no names. */
export const PageReportSchema = z.object({
  /** redacted location: host + path, never the query */
  where: z.string().check(z.maxLength(300)),
  topFrame: z.boolean(),
  onMessages: z.boolean(),
  /** 'waiting' until a landmark appears or 5 s pass on /messages */
  recognition: z.enum(['waiting', 'recognized', 'unrecognized']),
  /** set with 'unrecognized', null otherwise */
  reason: z.catch(z.nullable(z.enum(UNREADABLE_REASONS)), null),
  observation: z.nullable(ObservationSchema),
  /** the latest failure's identity (salted hash, memory-only salt), null when none */
  failureId: z.nullable(z.string().check(z.maxLength(64))),
  /** the failure appeared while we watched (false: it was already in the history) */
  fresh: z.boolean(),
  /** a later successful send cleared the failure */
  cleared: z.boolean(),
  /** when the latest failure was first seen (epoch ms), for matching network evidence */
  failureAt: z.nullable(z.number()),
  seq: z.number().check(z.int()),
  /** random id of this content-script instance (one per frame and page load) */
  pageId: z.catch(z.string().check(z.maxLength(24)), ''),
  /**
   * The business inbox's top document (/business-suite/messages), which only hosts the chat iframe:
   * it marks the visit but is never evidence (the iframe's reports are). Absent otherwise.
   */
  host: z.catch(z.optional(z.boolean()), undefined),
});
export type PageReport = z.infer<typeof PageReportSchema>;
