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

/**
 * A plain object whose every value passes `ok`: what zod's `record` of a `union` checks, written as a
 * guard so neither schema's code is in the background's bundle (its size budget).
 */
export const recordOf = <T>(ok: (v: unknown) => v is T) =>
  z.custom<Record<string, T>>((x) => {
    if (typeof x !== 'object' || x === null) return false;
    const proto: unknown = Object.getPrototypeOf(x);
    return (proto === Object.prototype || proto === null) && Object.values(x).every(ok);
  });
// as zod's number: finite
const isScalar = (v: unknown): v is string | number => typeof v === 'string' || Number.isFinite(v);
const isDetail = (v: unknown): v is string | number | boolean => isScalar(v) || typeof v === 'boolean';
/** A message key plus parameters, localised by the UI; never an English sentence. */
const ReasonSchema = z.object({ key: z.string().check(z.maxLength(60)), params: z.optional(recordOf(isScalar)) });
export type Reason = z.infer<typeof ReasonSchema>;

export const CheckResultSchema = z.object({
  id: z.enum(CHECK_IDS),
  status: z.enum(CHECK_STATUSES),
  reason: ReasonSchema,
  ms: z.optional(z.number()),
  detail: z.optional(recordOf(isDetail)),
});
export type CheckResult = z.infer<typeof CheckResultSchema>;
