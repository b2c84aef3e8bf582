import { LastRunSchema, type ActiveRun, type CheckRunner, type RunEnv } from './run-types';
import type { CheckRun } from '../contracts/tab-state';
import {
  canRunChecks,
  running,
  skipped,
  verdictBrowserVersion,
  verdictCaptivePortal,
  verdictCaptivePortalViaTikTok,
  verdictClock,
  verdictDns,
  verdictImSocketHost,
  verdictOnline,
  verdictProxy,
  verdictReach,
  CHECK_IDS,
  PROBE_URLS,
  type CheckResult,
} from './verdicts';
import { DOH_ORIGIN, PORTAL_ORIGIN } from './external-origins';
import { classifyError } from '../network/error-class';

// The check orchestrator. Politeness (DESIGN.md): ≤ 6 requests to TikTok per run (this run makes
// 4 without the outside checks, 3 with them), ≤ 1 run per 30 s per browser.
//
// One run at a time per browser, shared: a caller while a run is in flight JOINS it (its tab gets
// the run's progress and results, same run id). A finished run within 30 s is a cache hit; an
// unfinished one never is. The run's record is stored (session) when it starts with
// `finishedAt: null`: found like that by a later worker, the run was cut short by the worker
// stopping, so it is marked interrupted and a new run is allowed. Progress goes into every joined
// tab's state as each check ends; a check still `running` there when the worker died reads back as
// `skipped: interrupted` (orderedResults).
//
// Consent is the browser's permission: `mayContact(origin)` (permissions.contains) is asked right
// before each outside probe, so revoking the permission stops outside checks at once.

export type { CheckRunner, LastRun, Probes, RunDeps, RunEnv } from './run-types';

const LATE_EVENT_MS = 150;

export function createCheckRunner(env: RunEnv): CheckRunner {
  /** webRequest may report our own request's error or redirect a moment after fetch settles: look twice. */
  const lateRead = async (read: () => string | null): Promise<string | null> => {
    const now = read();
    if (now !== null) return now;
    await env.sleep(LATE_EVENT_MS);
    return read();
  };
  let active: ActiveRun | null = null;

  const show = (run: ActiveRun, tabId: number) => run.deps.update(tabId, (s) => (run.record ? { ...s, checks: run.record } : s));
  const publish = async (run: ActiveRun, record: CheckRun) => {
    run.record = record;
    await Promise.all([...run.tabs].map((t) => show(run, t)));
  };

  async function execute(run: ActiveRun, starter: number): Promise<CheckResult[]> {
    const runId = env.newId();
    const stored = LastRunSchema.safeParse(await env.loadLast());
    const prev = stored.success ? stored.data : null;
    if (prev && prev.finishedAt === null) {
      // Started by a worker that is gone (this one runs nothing else): interrupted, not a result.
      await env.saveLast({
        ...prev,
        finishedAt: env.now(),
        interrupted: true,
        results: prev.results.map((r) => (r.status === 'running' ? skipped(r.id, 'check.interrupted') : r)),
      });
    } else if (prev && !prev.interrupted && prev.finishedAt !== null && !canRunChecks(prev.finishedAt, env.now()).allowed) {
      // A finished run less than 30 s old: its results, with their age (finishedAt).
      await publish(run, { startedAt: prev.startedAt, finishedAt: prev.finishedAt, results: prev.results, runId: `cached-${runId}` });
      return prev.results;
    }
    return runAll(run, runId, starter);
  }

  async function runAll(run: ActiveRun, runId: string, starter: number): Promise<CheckResult[]> {
    const startedAt = env.now();
    // Stored unfinished first: a worker stopped mid-run leaves this, and the next caller knows.
    await env.saveLast({ runId, startedAt, finishedAt: null, results: [] });
    const results = new Map<string, CheckResult>(CHECK_IDS.map((id) => [id, running(id)]));
    const progress = () => publish(run, { startedAt, finishedAt: null, results: [...results.values()], runId });
    const set = async (r: CheckResult) => {
      results.set(r.id, r);
      await progress();
    };
    let finished = false;
    try {
      await progress();
      await set(verdictOnline(env.online()));
      await set(verdictBrowserVersion(env.userAgent()));
      const net = await run.deps.net(starter);
      await set(verdictProxy(net));
      // A failed probe carries the browser's own error name when webRequest reported one.
      const named = async <T extends { ok: boolean; error?: string }>(url: string, o: T): Promise<T> => {
        // our own timeout aborts the request: the browser's name for that abort is not the cause
        if (o.ok || o.error === 'timeout') return o;
        const name = await lateRead(() => env.ownErrorFor(url));
        return name ? { ...o, error: name } : o;
      };
      const http = (url: string) => {
        env.forgetOwn(url);
        return env.probes.http(url).then((o) => named(url, o));
      };
      const www = http(PROBE_URLS.www).then(async (o) => {
        await set(verdictReach('reach-www', o));
        await set(o.ok ? verdictClock(o.date ?? null, o.arrivedAt ?? env.now(), o.ms) : skipped('clock', 'clock.noDate'));
        return o;
      });
      const im = http(PROBE_URLS.imApi).then((o) => set(verdictReach('reach-im-api', o)));
      const socketHost = http(PROBE_URLS.imWs).then((o) => set(verdictImSocketHost(o)));
      const portal = (async () => {
        if (await env.mayContact(PORTAL_ORIGIN)) {
          await set(verdictCaptivePortal(await env.probes.portal(PROBE_URLS.portal)));
          return;
        }
        const url = PROBE_URLS.portalViaTikTok;
        env.forgetOwn(url);
        const target = () => lateRead(() => env.ownRedirectFor(url));
        const outcome = await env.probes.portalViaTikTok(url, target);
        await set(verdictCaptivePortalViaTikTok(outcome, (await www).ok));
      })();
      const doh = (async () => ((await env.mayContact(DOH_ORIGIN)) ? env.probes.doh(PROBE_URLS.doh) : null))();
      const [wwwOutcome, dohAnswer] = await Promise.all([www, doh, im, socketHost, portal]);
      const dnsErrors =
        net.some((e) => e.kind === 'error' && e.cls === 'dns') || (!wwwOutcome.ok && classifyError(wwwOutcome.error) === 'dns');
      await set(
        verdictDns({
          tiktok: wwwOutcome.ok ? 'ok' : dnsErrors ? 'fails' : 'unknown',
          other: 'unknown',
          browserSinkhole: net.some((e) => e.sinkhole === true),
          doh: dohAnswer,
        }),
      );
      const done = [...results.values()];
      const finishedAt = env.now();
      await env.saveLast({ runId, startedAt, finishedAt, results: done });
      finished = true;
      await publish(run, { startedAt, finishedAt, results: done, runId });
      return done;
    } finally {
      if (!finished) {
        // Something threw: what did not finish is interrupted, never a pass and never cached.
        const cut = [...results.values()].map((r) => (r.status === 'running' ? skipped(r.id, 'check.interrupted') : r));
        const finishedAt = env.now();
        await env.saveLast({ runId, startedAt, finishedAt, interrupted: true, results: cut }).catch(() => undefined);
        await publish(run, { startedAt, finishedAt, results: cut, runId }).catch(() => undefined);
      }
    }
  }

  return {
    request(tabId, deps) {
      if (active) {
        const run = active;
        if (!run.tabs.has(tabId)) {
          run.tabs.add(tabId);
          void show(run, tabId).catch(() => undefined);
        }
        return run.done;
      }
      const run: ActiveRun = { tabs: new Set([tabId]), deps, record: null, done: Promise.resolve([]) };
      active = run;
      run.done = execute(run, tabId).finally(() => {
        if (active === run) active = null;
      });
      return run.done;
    },
    isRunning: (tabId) => active?.tabs.has(tabId) ?? false,
  };
}
