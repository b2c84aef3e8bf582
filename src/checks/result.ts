import { z } from 'zod';

// The shape every connectivity check reports, and the rule that a check that did not run
// (or was interrupted) is shown as 'skipped', never as a pass (reference §6, "Not run is never green").

/** Rendered in exactly this order (DESIGN, popup contract). */
export const CHECK_IDS = [
  'online', 'reach-www', 'reach-im-api', 'im-websocket', 'dns', 'captive-portal', 'clock', 'proxy', 'browser-version',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];
export const CHECK_STATUSES = ['pass', 'warn', 'fail', 'skipped', 'running'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

/** A message key plus parameters, localised by the UI; never an English sentence. */
export interface Reason {
  key: string;
  params?: Record<string, string | number>;
}

export interface CheckResult {
  id: CheckId;
  status: CheckStatus;
  reason: Reason;
  ms?: number;
  detail?: Record<string, string | number | boolean>;
}

/** Every reason key a verdict can produce, for the localisation catalogue to cover. */
export const REASON_KEYS = [
  'check.notRun', 'check.interrupted', 'check.running',
  'online.ok', 'online.offline',
  'reach.ok', 'reach.slow', 'reach.timeout', 'reach.failed',
  'ws.ok', 'ws.slow', 'ws.timeout', 'ws.failed',
  'dns.ok', 'dns.noConsent', 'dns.blocked', 'dns.failure', 'dns.sinkhole', 'dns.noInternet', 'dns.inconclusive', 'dns.noResult',
  'portal.none', 'portal.detected', 'portal.retryLater', 'portal.noResult', 'portal.noConsent',
  'clock.ok', 'clock.off', 'clock.wrong', 'clock.noDate',
  'proxy.noErrors', 'proxy.inUse', 'proxy.error', 'proxy.errors',
  'browser.ok', 'browser.old', 'browser.tooOld', 'browser.unknown',
] as const;
export type ReasonKey = (typeof REASON_KEYS)[number];

const scalar = z.union([z.string(), z.number()]);
export const CheckResultSchema = z.object({
  id: z.enum(CHECK_IDS),
  status: z.enum(CHECK_STATUSES),
  reason: z.object({ key: z.string().max(60), params: z.record(z.string(), scalar).optional() }),
  ms: z.number().optional(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});

export function makeResult(
  id: CheckId,
  status: CheckStatus,
  key: ReasonKey,
  params?: Reason['params'],
  extra: Pick<CheckResult, 'ms' | 'detail'> = {},
): CheckResult {
  const reason: Reason = params ? { key, params } : { key };
  const result: CheckResult = { id, status, reason };
  if (extra.ms !== undefined) result.ms = extra.ms;
  if (extra.detail !== undefined) result.detail = extra.detail;
  return result;
}

export function skipped(id: CheckId, key: ReasonKey = 'check.notRun', params?: Reason['params']): CheckResult {
  return makeResult(id, 'skipped', key, params);
}

export function running(id: CheckId): CheckResult {
  return makeResult(id, 'running', 'check.running');
}

/**
 * All nine checks in display order. Missing ones are 'running' while the run goes on and
 * 'skipped' (check.notRun) once it is over; a check still 'running' when the run ended was
 * interrupted and becomes 'skipped' (check.interrupted). Invalid stored entries are dropped first.
 */
export function orderedResults(results: readonly unknown[], opts: { finished: boolean }): CheckResult[] {
  const byId = new Map<CheckId, CheckResult>();
  for (const item of results) {
    const parsed = CheckResultSchema.safeParse(item);
    if (parsed.success) byId.set(parsed.data.id, parsed.data);
  }
  return CHECK_IDS.map((id) => {
    const r = byId.get(id);
    if (!r) return opts.finished ? skipped(id, 'check.notRun') : running(id);
    if (r.status === 'running' && opts.finished) return skipped(id, 'check.interrupted');
    return r;
  });
}
