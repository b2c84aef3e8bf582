import * as z from 'zod/mini';
import { NetEventSchema } from './net-event';
import { CheckResultSchema, recordOf } from './checks';
import { PageReportSchema } from './page-report';

// Per-tab evidence, kept in storage.session so it survives the service worker being stopped.
// Everything here is already redacted: host + path, TikTok's own notice text, classes and counts.

export const CheckRunSchema = z.object({
  startedAt: z.number(),
  finishedAt: z.nullable(z.number()),
  results: z.array(CheckResultSchema),
  /** the run id; a run whose worker died keeps finishedAt null and is marked interrupted on read */
  runId: z.string(),
});
export type CheckRun = z.infer<typeof CheckRunSchema>;

export const TabStateSchema = z.object({
  tabId: z.number().check(z.int()),
  /** redacted host + path of the tab's latest top-level TikTok location */
  where: z.nullable(z.string().check(z.maxLength(300))),
  onMessages: z.boolean(),
  /** last time the content script or the network observer reported for this tab */
  reportedAt: z.number(),
  page: z.nullable(PageReportSchema),
  /** when the latest page report arrived */
  pageAt: z.catch(z.nullable(z.number()), null),
  /** when the current /messages visit began: evidence before it is stale */
  visitAt: z.number(),
  /** webRequest id of the main_frame request that began the visit (redirects keep it) */
  visitRequestId: z.catch(z.nullable(z.string().check(z.maxLength(40))), null),
  net: z.array(NetEventSchema),
  answers: recordOf((v): v is boolean => typeof v === 'boolean'),
  dismissed: z.array(z.string().check(z.maxLength(64))).check(z.maxLength(50)),
  checks: z.nullable(CheckRunSchema),
  /**
   * At install or update the tab was an inbox without a content script (Chrome injects none into
   * open tabs); cleared by its next navigation or page report. Keeps the "?" badge honest.
   */
  notLoaded: z.catch(z.optional(z.boolean()), undefined),
});
export type TabState = z.infer<typeof TabStateSchema>;

export function emptyTabState(tabId: number, now: number): TabState {
  return {
    tabId,
    where: null,
    onMessages: false,
    reportedAt: now,
    page: null,
    pageAt: null,
    visitAt: now,
    visitRequestId: null,
    net: [],
    answers: {},
    dismissed: [],
    checks: null,
  };
}
