import { CHECK_IDS, CheckResultSchema, type CheckId, type CheckResult, type CheckStatus, type Reason } from '../contracts/checks';

export {
  CHECK_IDS,
  CHECK_STATUSES,
  CheckResultSchema,
  type CheckId,
  type CheckResult,
  type CheckStatus,
  type Reason,
} from '../contracts/checks';

// The shape every connectivity check reports, and the rule that a check that did not run
// (or was interrupted) is shown as 'skipped', never as a pass ("Not run is never green").

/** Every reason key a verdict can produce, for the localisation catalogue to cover. */
export const REASON_KEYS = [
  'check.notRun',
  'check.interrupted',
  'check.running',
  'online.ok',
  'online.offline',
  'reach.ok',
  'reach.slow',
  'reach.timeout',
  'reach.failed',
  'ws.ok',
  'ws.slow',
  'ws.timeout',
  'ws.failed',
  'dns.ok',
  'dns.noConsent',
  'dns.blocked',
  'dns.failure',
  'dns.sinkhole',
  'dns.noInternet',
  'dns.inconclusive',
  'dns.noResult',
  'portal.none',
  'portal.detected',
  'portal.retryLater',
  'portal.noResult',
  'portal.noConsent',
  'clock.ok',
  'clock.off',
  'clock.wrong',
  'clock.noDate',
  'proxy.noErrors',
  'proxy.inUse',
  'proxy.error',
  'proxy.errors',
  'browser.ok',
  'browser.old',
  'browser.tooOld',
  'browser.unknown',
] as const;
export type ReasonKey = (typeof REASON_KEYS)[number];

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
