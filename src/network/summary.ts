import type { NetErrorClass } from './error-class';
import type { HttpClass, NetEvent, NetRole } from './evidence';

// Folds a tab's network events into per-class facts for `diagnose`. Applies DESIGN's "one failed
// request never decides anything": a class is `confirmed` only after two failures at least 5 s
// apart (a failure confirmed by a check is diagnose's business, not this module's).

export const CONFIRM_GAP_MS = 5_000;
export const SUMMARY_WINDOW_MS = 10 * 60_000;

export interface ClassStats {
  count: number;
  firstAt: number;
  lastAt: number;
  /** ≥ 2 failures of this class, first and last ≥ 5 s apart. */
  confirmed: boolean;
  roles: NetRole[];
  /** A successful answer from one of these roles came after the last failure. */
  okSince: boolean;
}

export type FailureHttpClass = Exclude<HttpClass, 'ok'>;

export interface NetSummary {
  errors: Partial<Record<NetErrorClass, ClassStats>>;
  http: Partial<Record<FailureHttpClass, ClassStats>>;
  lastOkAt: number | null;
  /** Events inside the window. */
  total: number;
}

function fold(map: Map<string, NetEvent[]>, key: string, e: NetEvent): void {
  const list = map.get(key);
  if (list) list.push(e);
  else map.set(key, [e]);
}

function stats(list: NetEvent[], oks: NetEvent[]): ClassStats {
  const times = list.map((e) => e.t);
  const firstAt = Math.min(...times);
  const lastAt = Math.max(...times);
  const roles = [...new Set(list.map((e) => e.role))];
  return {
    count: list.length,
    firstAt,
    lastAt,
    confirmed: list.length >= 2 && lastAt - firstAt >= CONFIRM_GAP_MS,
    roles,
    okSince: oks.some((o) => o.t > lastAt && roles.includes(o.role)),
  };
}

/** Per error class and HTTP failure class: counts, first/last times, confirmation. */
export function summarise(events: readonly NetEvent[], now: number, windowMs = SUMMARY_WINDOW_MS): NetSummary {
  const recent = events.filter((e) => e.t >= now - windowMs);
  const errors = new Map<string, NetEvent[]>();
  const http = new Map<string, NetEvent[]>();
  const oks: NetEvent[] = [];
  for (const e of recent) {
    if (e.kind === 'error' && e.cls && e.cls !== 'aborted') fold(errors, e.cls, e);
    else if (e.httpClass === 'ok') oks.push(e);
    else if (e.httpClass) fold(http, e.httpClass, e);
  }
  const summary: NetSummary = {
    errors: {},
    http: {},
    lastOkAt: oks.length ? Math.max(...oks.map((e) => e.t)) : null,
    total: recent.length,
  };
  for (const [cls, list] of errors) summary.errors[cls as NetErrorClass] = stats(list, oks);
  for (const [cls, list] of http) summary.http[cls as FailureHttpClass] = stats(list, oks);
  return summary;
}

export interface ImActivity {
  imApi: number;
  imWs: number;
  /** Nothing from im-api or im-ws reached webRequest around the failed send. */
  missing: boolean;
}

/**
 * IM traffic seen around a failed send observed in the page (default: 10 s before to 2 s after).
 * A failed send with no IM request at all points to a blocker invisible to extensions (Brave
 * Shields, Firefox tracking protection, §5.7). Caveat: if sends travel over an already-open
 * websocket (§3.3 conflict), no request is expected either, so diagnose should weigh `missing`
 * by whether the socket opened earlier.
 */
export function imActivityAround(
  failedAt: number,
  events: readonly NetEvent[],
  window: { beforeMs?: number; afterMs?: number } = {},
): ImActivity {
  const from = failedAt - (window.beforeMs ?? 10_000);
  const to = failedAt + (window.afterMs ?? 2_000);
  let imApi = 0;
  let imWs = 0;
  for (const e of events) {
    if (e.t < from || e.t > to) continue;
    if (e.role === 'im-api') imApi += 1;
    else if (e.role === 'im-ws') imWs += 1;
  }
  return { imApi, imWs, missing: imApi + imWs === 0 };
}

/** Shorthand: true when a failed send left no IM trace in webRequest. */
export function imSendMissing(failedAt: number, events: readonly NetEvent[]): boolean {
  return imActivityAround(failedAt, events).missing;
}
