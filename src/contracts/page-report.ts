import type { PageObservation } from './observation';

export type UnreadableReason = 'page-changed' | 'chat-unreadable';

/** What the content script sends about its frame. No message text, no names. */
export interface PageReport {
  /** redacted location: host + path, never the query */
  where: string;
  topFrame: boolean;
  onMessages: boolean;
  /** 'waiting' until a landmark appears or 5 s pass on /messages */
  recognition: 'waiting' | 'recognized' | 'unrecognized';
  /** with 'unrecognized': nothing known found ('page-changed'), or the inbox is known but the open
   * chat's rows or warning slots are not ('chat-unreadable'); null otherwise */
  reason: UnreadableReason | null;
  observation: PageObservation | null;
  /** the latest failure's identity (salted hash, memory-only salt), null when none */
  failureId: string | null;
  /** true if that failure appeared while we watched; false if it was already in the history */
  fresh: boolean;
  /** a later successful send cleared the failure */
  cleared: boolean;
  /** when the latest failure was first seen (epoch ms), for matching network evidence */
  failureAt: number | null;
  seq: number;
  /** random id of this content-script instance (one per frame and page load) */
  pageId: string;
  /**
   * The business inbox's top document (/business-suite/messages), which only hosts the chat
   * iframe: it marks the visit but is never evidence (the iframe's reports are). Absent otherwise.
   */
  host?: boolean;
}
