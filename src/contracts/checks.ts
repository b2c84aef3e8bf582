import * as z from 'zod/mini';

// What every connectivity check reports (shown by the popup, kept in the tab's state). A check that
// did not run, or was interrupted, is 'skipped', never a pass (src/checks/result.ts).

/** Rendered in exactly this order (DESIGN, popup contract). */
export const CHECK_IDS = [
  'online',
  'reach-www',
  'reach-im-api',
  'im-websocket',
  'dns',
  'captive-portal',
  'clock',
  'proxy',
  'browser-version',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];
export const CHECK_STATUSES = ['pass', 'warn', 'fail', 'skipped', 'running'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

const scalar = z.union([z.string(), z.number()]);
/** A message key plus parameters, localised by the UI; never an English sentence. */
const ReasonSchema = z.object({ key: z.string().check(z.maxLength(60)), params: z.optional(z.record(z.string(), scalar)) });
export type Reason = z.infer<typeof ReasonSchema>;

export const CheckResultSchema = z.object({
  id: z.enum(CHECK_IDS),
  status: z.enum(CHECK_STATUSES),
  reason: ReasonSchema,
  ms: z.optional(z.number()),
  detail: z.optional(z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))),
});
export type CheckResult = z.infer<typeof CheckResultSchema>;
