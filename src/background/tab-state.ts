import { z } from 'zod';
import { NetEventSchema } from '../network/evidence';
import { CheckResultSchema } from '../contracts/checks';
import { PageReportSchema } from '../contracts/page-report';

// Per-tab evidence, kept in storage.session so it survives the service worker being stopped.
// Everything here is already redacted: host + path, TikTok's own notice text, classes and counts.

export const CheckRunSchema = z.object({
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
  results: z.array(CheckResultSchema),
  /** the run id; a run whose worker died keeps finishedAt null and is marked interrupted on read */
  runId: z.string(),
});

export const TabStateSchema = z.object({
  tabId: z.number().int(),
  /** redacted host + path of the tab's latest top-level TikTok location */
  where: z.string().max(300).nullable(),
  onMessages: z.boolean(),
  /** last time the content script or the network observer reported for this tab */
  reportedAt: z.number(),
  page: z.nullable(PageReportSchema),
  /** when the latest page report arrived */
  pageAt: z.number().nullable().catch(null),
  /** when the current /messages visit began: evidence before it is stale */
  visitAt: z.number(),
  /** webRequest id of the main_frame request that began the visit (redirects keep it) */
  visitRequestId: z.string().max(40).nullable().catch(null),
  net: z.array(NetEventSchema),
  answers: z.record(z.string(), z.boolean()),
  dismissed: z.array(z.string().max(64)).max(50),
  checks: CheckRunSchema.nullable(),
  /**
   * At install or update the tab was an inbox without a content script (Chrome injects none into
   * open tabs); cleared by its next navigation or page report. Keeps the "?" badge honest.
   */
  notLoaded: z.boolean().optional().catch(undefined),
});

export type TabState = z.infer<typeof TabStateSchema>;
export type CheckRun = z.infer<typeof CheckRunSchema>;

export function emptyTabState(tabId: number, now: number): TabState {
  return { tabId, where: null, onMessages: false, reportedAt: now, page: null, pageAt: null, visitAt: now, visitRequestId: null, net: [], answers: {}, dismissed: [], checks: null };
}
