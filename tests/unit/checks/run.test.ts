import { describe, expect, it } from 'vitest';
import { createCheckRunner, type LastRun, type Probes, type RunDeps, type RunEnv } from '../../../src/checks/run';
import { emptyTabState, type TabState } from '../../../src/contracts/tab-state';
import { CHECK_IDS, PROBE_URLS, orderedResults, type CheckResult } from '../../../src/checks/verdicts';
import { EXTERNAL_CHECK_ORIGINS, originCovers } from '../../../src/checks/external-origins';
import { hostRole } from '../../../src/network/hosts';

// The check orchestrator (src/checks/run.ts) with a fake clock, fake probes and a fake store: one
// run at a time per browser, joined by later callers; an unfinished run is never a cache hit; a run
// cut short by the worker stopping reads back as interrupted; outside probes only while the
// browser's permission holds, asked before each one.

const T0 = 1_760_000_000_000;

interface Deferred<T> {
  promise: Promise<T>;
  resolve(v: T): void;
}
function deferred<T>(): Deferred<T> {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Lets every pending promise chain run. */
const flush = async () => {
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
};

interface World {
  env: RunEnv;
  deps: RunDeps;
  clock: { now: number };
  store: { value: unknown };
  tabs: Map<number, TabState>;
  /** every probe and permission question, in order: `http <url>`, `contains <origin>`… */
  log: string[];
  /** origins the fake browser grants */
  granted: Set<string>;
  /** when set, http probes wait for this before answering */
  gate: Deferred<void> | null;
}

function world(opts: { granted?: string[]; store?: { value: unknown }; ids?: string } = {}): World {
  const clock = { now: T0 };
  const store = opts.store ?? { value: null };
  const tabs = new Map<number, TabState>();
  const log: string[] = [];
  const granted = new Set(opts.granted ?? []);
  const w: World = { env: null!, deps: null!, clock, store, tabs, log, granted, gate: null };
  const probes: Probes = {
    async http(url) {
      log.push(`http ${url}`);
      if (w.gate) await w.gate.promise;
      return { ok: true, status: url.includes('im-') ? 404 : 200, ms: 40, date: new Date(clock.now).toUTCString(), arrivedAt: clock.now };
    },
    async doh(url) {
      log.push(`doh ${url}`);
      return { status: 'ok', addresses: ['23.2.16.11'] };
    },
    async portal(url) {
      log.push(`portal ${url}`);
      return { ok: true, status: 204, bodyBytes: 0, ms: 30 };
    },
    async portalViaTikTok(url) {
      log.push(`http ${url}`);
      return { ok: true, redirected: false, target: null, status: 200, ms: 30 };
    },
  };
  let n = 0;
  w.env = {
    now: () => clock.now,
    sleep: async () => undefined,
    newId: () => `${opts.ids ?? 'run'}${++n}`,
    loadLast: async () => structuredClone(store.value),
    saveLast: async (run: LastRun) => {
      store.value = structuredClone(run);
    },
    mayContact: async (origin) => {
      log.push(`contains ${origin}`);
      return granted.has(origin);
    },
    probes,
    online: () => true,
    userAgent: () => 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/150.0.0.0 Safari/537.36',
    ownErrorFor: () => null,
    ownRedirectFor: () => null,
    forgetOwn: () => undefined,
  };
  w.deps = {
    update: async (tabId, fn) => {
      tabs.set(tabId, fn(tabs.get(tabId) ?? emptyTabState(tabId, clock.now)));
    },
    net: async () => [],
  };
  return w;
}

const statuses = (results: CheckResult[]) => Object.fromEntries(results.map((r) => [r.id, r.status]));
const outside = (log: string[]) => log.filter((l) => /^(doh|portal) /.test(l) || (l.startsWith('http ') && hostRole(l.slice(5)) === null));
const tiktok = (log: string[]) => log.filter((l) => l.startsWith('http ') && hostRole(l.slice(5)) !== null);

describe('check runs: one at a time, shared', () => {
  it('a run reports all nine checks to its tab, progress first, and stores a finished record', async () => {
    const w = world();
    const runner = createCheckRunner(w.env);
    w.gate = deferred();
    const done = runner.request(1, w.deps);
    expect(runner.isRunning(1)).toBe(true);
    await flush();
    // progress is visible while the probes are out
    expect(w.tabs.get(1)?.checks).toMatchObject({ finishedAt: null, runId: 'run1' });
    expect((w.store.value as LastRun).finishedAt).toBeNull();
    w.gate.resolve();
    const results = await done;
    expect(results.map((r) => r.id).sort()).toEqual([...CHECK_IDS].sort());
    expect(statuses(results)).toMatchObject({
      online: 'pass',
      'reach-www': 'pass',
      'reach-im-api': 'pass',
      'im-websocket': 'pass',
      'captive-portal': 'pass',
      clock: 'pass',
      dns: 'skipped',
    });
    expect(w.tabs.get(1)?.checks).toMatchObject({ finishedAt: T0, runId: 'run1', results });
    expect(w.store.value).toMatchObject({ runId: 'run1', finishedAt: T0, results });
    expect(runner.isRunning(1)).toBe(false);
  });

  it('a second caller while a run is in flight joins it: same results, same run id, one set of probes', async () => {
    const w = world();
    const runner = createCheckRunner(w.env);
    w.gate = deferred();
    const first = runner.request(1, w.deps);
    await flush();
    const second = runner.request(2, w.deps);
    expect(runner.isRunning(2)).toBe(true);
    await flush();
    // the joining tab shows the run in progress at once, not an empty or cached record
    expect(w.tabs.get(2)?.checks).toMatchObject({ runId: 'run1', finishedAt: null });
    w.clock.now += 1_500;
    w.gate.resolve();
    const [a, b] = await Promise.all([first, second]);
    expect(b).toEqual(a);
    expect(b).toHaveLength(9);
    expect(w.tabs.get(2)?.checks).toEqual(w.tabs.get(1)?.checks);
    expect(w.tabs.get(2)?.checks).toMatchObject({ runId: 'run1', finishedAt: T0 + 1_500 });
    expect(tiktok(w.log)).toHaveLength(4); // one run's requests, not two
    expect(runner.isRunning(1) || runner.isRunning(2)).toBe(false);
  });

  it('a finished run is a cache hit for 30 s (no probe), with its age; after that a new run', async () => {
    const w = world();
    const runner = createCheckRunner(w.env);
    const first = await runner.request(1, w.deps);
    const made = w.log.length;
    w.clock.now += 29_000;
    const again = await runner.request(2, w.deps);
    expect(again).toEqual(first);
    expect(w.log.length).toBe(made);
    expect(w.tabs.get(2)?.checks).toMatchObject({ finishedAt: T0, runId: expect.stringMatching(/^cached-/) });
    w.clock.now += 1_000;
    await runner.request(2, w.deps);
    expect(tiktok(w.log.slice(made))).toHaveLength(4);
    expect(w.tabs.get(2)?.checks?.runId).not.toMatch(/^cached-/);
  });

  it('a run cut short by the worker stopping is marked interrupted, never a cache hit, and a new run works', async () => {
    const store = { value: null as unknown };
    const before = world({ store });
    before.gate = deferred(); // the probes never answer: the worker is stopped mid-run
    void createCheckRunner(before.env).request(1, before.deps);
    await flush();
    const cut = before.tabs.get(1)!.checks!;
    expect(cut.finishedAt).toBeNull();
    // what the popup shows for it once nothing runs: skipped (interrupted), never pass
    const shown = orderedResults(cut.results, { finished: true });
    expect(
      shown
        .filter((r) => ['reach-www', 'reach-im-api', 'im-websocket', 'captive-portal', 'clock', 'dns'].includes(r.id))
        .every((r) => r.status === 'skipped' && r.reason.key === 'check.interrupted'),
    ).toBe(true);

    // the next worker, 2 s later, with the same session storage
    const after = world({ store, ids: 'next' });
    after.clock.now = T0 + 2_000;
    const saves: LastRun[] = [];
    const save = after.env.saveLast;
    after.env.saveLast = async (r) => {
      saves.push(structuredClone(r));
      await save(r);
    };
    const results = await createCheckRunner(after.env).request(1, after.deps);
    expect(saves[0]).toMatchObject({ runId: 'run1', interrupted: true, finishedAt: T0 + 2_000 });
    expect(results).toHaveLength(9);
    expect(statuses(results)).toMatchObject({ 'reach-www': 'pass', 'im-websocket': 'pass' });
    expect(tiktok(after.log)).toHaveLength(4);
    expect(after.tabs.get(1)?.checks).toMatchObject({ finishedAt: T0 + 2_000, runId: 'next1' });
    expect(after.store.value).toMatchObject({ runId: 'next1', finishedAt: T0 + 2_000 });
  });

  it('a run that throws ends with its unfinished checks interrupted, and is not cached', async () => {
    const w = world();
    w.env.probes.http = async () => {
      throw new Error('boom');
    };
    const runner = createCheckRunner(w.env);
    await expect(runner.request(1, w.deps)).rejects.toThrow('boom');
    const rec = w.tabs.get(1)!.checks!;
    expect(rec.finishedAt).toBe(T0);
    expect(rec.results.some((r) => r.status === 'pass' && r.id === 'reach-www')).toBe(false);
    expect(rec.results.find((r) => r.id === 'reach-www')).toMatchObject({ status: 'skipped', reason: { key: 'check.interrupted' } });
    expect(w.store.value).toMatchObject({ interrupted: true });
    // the next request runs afresh instead of serving the broken run
    w.env.probes.http = world().env.probes.http;
    const again = await runner.request(1, w.deps);
    expect(statuses(again)['reach-www']).toBe('pass');
  });
});

describe('check runs: outside probes only with the browser permission', () => {
  it('without the permission: no outside request, 4 TikTok requests, dns skipped for lack of consent', async () => {
    const w = world();
    const results = await createCheckRunner(w.env).request(1, w.deps);
    expect(outside(w.log)).toEqual([]);
    expect(tiktok(w.log).sort()).toEqual(
      [`http ${PROBE_URLS.imApi}`, `http ${PROBE_URLS.imWs}`, `http ${PROBE_URLS.portalViaTikTok}`, `http ${PROBE_URLS.www}`].sort(),
    );
    expect(results.find((r) => r.id === 'dns')).toMatchObject({ status: 'skipped', reason: { key: 'dns.noConsent' } });
  });

  it('with it: each outside probe is preceded by permissions.contains for its own origin; 3 TikTok requests', async () => {
    const w = world({ granted: EXTERNAL_CHECK_ORIGINS });
    const results = await createCheckRunner(w.env).request(1, w.deps);
    const probes = outside(w.log);
    expect(probes.sort()).toEqual([`doh ${PROBE_URLS.doh}`, `portal ${PROBE_URLS.portal}`].sort());
    for (const p of probes) {
      const url = p.split(' ')[1]!;
      const at = w.log.indexOf(p);
      const asked = w.log
        .slice(0, at)
        .filter((l) => l.startsWith('contains '))
        .map((l) => l.slice(9));
      expect(
        asked.some((origin) => originCovers(origin, url)),
        `${p} without a permission check for its origin`,
      ).toBe(true);
    }
    expect(tiktok(w.log)).toHaveLength(3);
    expect(statuses(results)).toMatchObject({ dns: 'pass', 'captive-portal': 'pass' });
  });

  it('a permission revoked between runs stops the outside probes of the next run', async () => {
    const w = world({ granted: EXTERNAL_CHECK_ORIGINS });
    const runner = createCheckRunner(w.env);
    await runner.request(1, w.deps);
    expect(outside(w.log)).toHaveLength(2);
    w.granted.clear();
    w.clock.now += 30_000;
    const mark = w.log.length;
    await runner.request(1, w.deps);
    expect(outside(w.log.slice(mark))).toEqual([]);
  });

  it('one origin granted, the other not: only the granted one is contacted', async () => {
    const w = world({ granted: [EXTERNAL_CHECK_ORIGINS[0]!] });
    await createCheckRunner(w.env).request(1, w.deps);
    expect(outside(w.log)).toEqual([`doh ${PROBE_URLS.doh}`]);
  });

  it('every outside URL the checks use is covered by an origin of the optional permission', () => {
    const outsideUrls = Object.values(PROBE_URLS).filter((u) => hostRole(u) === null);
    expect(outsideUrls.length).toBe(2);
    for (const u of outsideUrls)
      expect(
        EXTERNAL_CHECK_ORIGINS.some((o) => originCovers(o, u)),
        u,
      ).toBe(true);
    expect(EXTERNAL_CHECK_ORIGINS).not.toContain('https://dns.google/*');
  });
});
