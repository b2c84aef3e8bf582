import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchMessages, type Watcher } from '../../../src/content/watcher';
import type { PageReport } from '../../../src/contracts/page-report';
import { applyPageReport } from '../../../src/background/tab-events';
import { emptyTabState, type TabState } from '../../../src/contracts/tab-state';
import { buildView } from '../../../src/background/view';
import { hintUpdateOf, tabStatus } from '../../../src/background/status';
import { DEFAULT_SETTINGS } from '../../../src/background/settings';
import { diagnose } from '../../../src/diagnosis/diagnose';
import type { CauseId } from '../../../src/contracts/cause-ids';
import type { TabView } from '../../../src/contracts/tab-view';
import { FIXTURES, type Fixture } from '../../fixtures/index';
import { BUBBLE_MARKER, DRAFT_MARKER, KNOWN_COMPONENTS, componentNamesIn, drift, families, type Family } from '../../drift/drift';
import { isStrict, truthOf, verdictOf, type Outcome, type Truth, type Verdict } from '../../drift/outcome';
import { fixtureHtml } from '../page/load-fixture';

// The drift suite (issue 11, item 7; docs/TESTING.md "Drift suite"). Every fixture × every drift
// family goes through the real content path — the page in happy-dom, `watchMessages` for 6 s of fake
// time — and then the background's real logic: `applyPageReport` on an empty tab state, `buildView`
// (diagnosis, popup state, report text) and `hintUpdateOf`; the page-only hint is the content
// script's own rule (src/content/hint-controller.ts: `diagnose` on the report).
//
// The component families come from the selectors file itself: every `[class*="Name"]` there, plus
// the landmarks the issue names.

const SELECTORS_SOURCE = readFileSync(resolve('src/page/selectors.ts'), 'utf8');
const COMPONENTS = [...new Set([...KNOWN_COMPONENTS, ...componentNamesIn(SELECTORS_SOURCE)])].sort();
const FAMILIES: Family[] = families(COMPONENTS);

const timers = {
  setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms) as unknown as number,
  setInterval: (fn: () => void, ms: number) => setInterval(fn, ms) as unknown as number,
  clearTimeout: (id: number) => clearTimeout(id),
  clearInterval: (id: number) => clearInterval(id),
};

interface Run {
  reports: PageReport[];
  last: PageReport;
  state: TabState;
  view: TabView;
  /** the hint would be on the page at some point (page-only rule or the background's answer) */
  hint: boolean;
  outcome: Outcome;
}

let watcher: Watcher | null = null;

function load(html: string, url: string): void {
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url);
  document.documentElement.innerHTML = html.replace(/^[\s\S]*?<html[^>]*>/i, '').replace(/<\/html>[\s\S]*$/i, '');
}

/** The page as the extension sees it 6 s after load (the unrecognised deadline is 5 s). */
async function run(html: string, url: string): Promise<Run> {
  load(html, url);
  const reports: PageReport[] = [];
  const t0 = Date.now();
  watcher = watchMessages(document, timers, (r) => reports.push(r), 'drift');
  await vi.advanceTimersByTimeAsync(6000);
  watcher.stop();
  watcher = null;
  const last = reports[reports.length - 1];
  if (!last) throw new Error('the watcher sent no report');
  let state = emptyTabState(1, t0);
  let hint = false;
  for (const r of reports) {
    state = applyPageReport(state, r, Date.now());
    // the content script's instant hint, from this report alone
    const local = diagnose({ now: Date.now(), onMessages: true, page: r, net: [], checks: [], answers: {} });
    if (local.problem) hint = true;
  }
  const now = Date.now();
  const view = buildView(1, state, {
    now,
    onTikTok: true,
    settings: DEFAULT_SETTINGS,
    browser: 'chrome',
    running: false,
    version: '0.0.0',
    browserVersion: '0',
  });
  const update = hintUpdateOf(
    state,
    tabStatus(state, { now, onTikTok: true, running: false, inboxTab: state.onMessages }),
    DEFAULT_SETTINGS,
  );
  if (update.state === 'problem' && update.hintsEnabled) hint = true;
  const top = view.diagnosis?.problem ? view.diagnosis.ranked[0]?.id : undefined;
  const outcome: Outcome =
    view.state === 'problem'
      ? `problem:${top}`
      : view.state === 'ui-unrecognized'
        ? `ui-unrecognized:${last.reason ?? 'none'}`
        : view.state;
  return { reports, last, state, view, hint, outcome };
}

// ── bookkeeping for the summary ───────────────────────────────────────────────

const short = (f: Fixture) => f.file.replace(/\.html$/, '');
const baseline = new Map<string, { cause: CauseId | null; run: Run }>();
const results: { family: string; fixture: string; outcome: Outcome; verdict: Verdict }[] = [];

/** The fixture's cause: what the page names, else what the undrifted page gets. */
async function causeOf(f: Fixture, truth: Truth): Promise<CauseId | null> {
  if (truth.kind !== 'problem') return null;
  if (truth.cause) return truth.cause;
  let b = baseline.get(f.file);
  if (!b) {
    const r = await run(fixtureHtml(f.file), f.url);
    b = { cause: r.outcome.startsWith('problem:') ? (r.outcome.slice('problem:'.length) as CauseId) : null, run: r };
    baseline.set(f.file, b);
  }
  return b.cause;
}

function describeRun(r: Run): string {
  const o = r.last.observation;
  return `outcome ${r.outcome}; report: recognition=${r.last.recognition} reason=${r.last.reason} generation=${o?.generation} page=${o?.page} chatOpen=${o?.chatOpen} composer=${o?.composer} failures=${o?.failures.total}/${o?.failures.own} notice=${JSON.stringify(o?.notice?.text ?? null)}; hint=${r.hint}`;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'setInterval', 'clearTimeout', 'clearInterval'] });
});
afterEach(() => {
  watcher?.stop();
  watcher = null;
  vi.useRealTimers();
});

afterAll(() => {
  const names = ['original', ...FAMILIES];
  const rows = names.map((family) => {
    const mine = results.filter((r) => r.family === family);
    const count = (v: Verdict) => mine.filter((r) => r.verdict === v).length;
    return {
      family,
      variants: mine.length,
      right: count('right'),
      partial: count('partial'),
      honest: count('honest'),
      wrong: count('wrong'),
    };
  });
  const total = { family: 'TOTAL (drifted)', variants: 0, right: 0, partial: 0, honest: 0, wrong: 0 };
  for (const r of rows.slice(1)) for (const k of ['variants', 'right', 'partial', 'honest', 'wrong'] as const) total[k] += r[k];
  console.log('\nDrift suite (unit): right cause / partial (problem, notice lost) / honest unrecognised / silent wrong');
  console.table([...rows, total]);
  const wrong = results.filter((r) => r.verdict !== 'right');
  if (wrong.length) {
    console.log('Not right, by family:');
    const by = new Map<string, string[]>();
    for (const r of wrong) by.set(r.family, [...(by.get(r.family) ?? []), `${r.fixture} → ${r.outcome} (${r.verdict})`]);
    for (const [family, list] of by) console.log(`  ${family}:\n    ${list.join('\n    ')}`);
  }
});

// ── the suite ─────────────────────────────────────────────────────────────────

describe('drift suite: the undrifted fixtures (the yardstick)', () => {
  for (const f of FIXTURES) {
    it(`original × ${short(f)}`, async () => {
      const truth = truthOf(f);
      const r = await run(fixtureHtml(f.file), f.url);
      if (truth.kind === 'problem' && !truth.cause)
        baseline.set(f.file, { cause: r.outcome.startsWith('problem:') ? (r.outcome.slice(8) as CauseId) : null, run: r });
      const cause = await causeOf(f, truth);
      const verdict = verdictOf(truth, cause, r.outcome, r.last.observation?.notice != null, r.hint);
      results.push({ family: 'original', fixture: short(f), outcome: r.outcome, verdict });
      expect(verdict, describeRun(r)).toBe('right');
      if (truth.kind === 'problem') expect(cause, 'a problem page gets a cause').not.toBeNull();
    });
  }
});

/** Families with nothing to change on any saved page (no fixture carries that exact component). */
const EMPTY_FAMILIES = FAMILIES.filter((family) => FIXTURES.every((f) => drift(fixtureHtml(f.file), family) === null));
it('drifts every family on at least one saved page, except the known empty ones', () => {
  expect(EMPTY_FAMILIES).toEqual(['component:DivChatMain']);
});

for (const family of FAMILIES.filter((x) => !EMPTY_FAMILIES.includes(x))) {
  describe(`drift suite: ${family}`, () => {
    for (const f of FIXTURES) {
      const html = drift(fixtureHtml(f.file), family);
      if (html === null) continue; // nothing of this family on this page
      it(`${family} × ${short(f)}`, async () => {
        const truth = truthOf(f);
        const cause = await causeOf(f, truth);
        const r = await run(html, f.url);
        const noticeFound = r.last.observation?.notice != null;
        const verdict = verdictOf(truth, cause, r.outcome, noticeFound, r.hint);
        results.push({ family, fixture: short(f), outcome: r.outcome, verdict });
        const what = describeRun(r);

        // Soft assertions: a failing variant lists every rule it breaks.
        // Every family: the right cause or an honest "can't read this"; never silence with a problem
        // present, never a problem or a hint on a page without one.
        expect.soft(verdict, what).not.toBe('wrong');
        if (truth.kind !== 'problem') expect.soft(r.hint, `a hint on a page without a problem: ${what}`).toBe(false);

        // One family of anchors lost: still the right cause, with TikTok's notice.
        if (isStrict(family) && truth.kind === 'problem') {
          expect.soft(r.outcome, what).toBe(`problem:${cause}`);
          if (truth.notice) expect.soft(r.view.diagnosis?.notice, what).toBe(truth.notice);
        }
        // A wholly new generation: nothing can be recognised, and it says so.
        if (family === 'new-generation' && f.expected.page === 'inbox') expect.soft(r.outcome, what).toMatch(/^ui-unrecognized:/);

        if (family === 'privacy-drift') {
          expect.soft(html.includes(DRAFT_MARKER) || html.includes(BUBBLE_MARKER), 'the generator planted the markers').toBe(true);
          const seen = {
            reports: JSON.stringify(r.reports),
            'tab state': JSON.stringify(r.state),
            'diagnosis and view': JSON.stringify(r.view),
            'report text': r.view.report,
          };
          for (const [where, text] of Object.entries(seen)) {
            for (const marker of [DRAFT_MARKER, BUBBLE_MARKER, 'DRAFT-MARKER', 'BUBBLE-MARKER']) {
              expect.soft(text.includes(marker), `${marker} in the ${where}`).toBe(false);
            }
            expect.soft(text.includes('Too many requests'), `the bubble's "Too many requests" in the ${where}`).toBe(false);
          }
          // the friend's words decide nothing: no rate-limit page, no "sending too fast" from a bubble
          if (cause !== 'sending-too-fast') {
            expect.soft(r.outcome, what).not.toBe('problem:sending-too-fast');
            expect.soft(r.last.observation?.page ?? 'none', what).not.toBe('rate-limited');
          }
        }
      });
    }
  });
}
