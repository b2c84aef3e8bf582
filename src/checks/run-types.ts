import * as z from 'zod/mini';
import type { CheckRun, TabState } from '../contracts/tab-state';
import { CheckResultSchema } from '../contracts/checks';
import type { CheckResult, DohAnswer, PortalOutcome, ReachOutcome, TikTokPortalOutcome } from './verdicts';

// The check orchestrator's contracts (src/checks/run.ts): its stored record, what it is given (probes,
// the browser, storage) and what it offers.

export const LastRunSchema = z.object({
  runId: z.string().check(z.maxLength(80)),
  startedAt: z.number(),
  finishedAt: z.nullable(z.number()),
  interrupted: z.optional(z.boolean()),
  results: z.array(CheckResultSchema),
});
export type LastRun = z.infer<typeof LastRunSchema>;

export interface Probes {
  /** a cookie-free, non-following HTTPS/HTTP request: any answer is reachable */
  http(url: string): Promise<ReachOutcome & { date?: string | null; arrivedAt?: number }>;
  doh(url: string): Promise<DohAnswer>;
  portal(url: string): Promise<PortalOutcome>;
  portalViaTikTok(url: string, redirectTarget: () => Promise<string | null>): Promise<TikTokPortalOutcome>;
}

/** What the orchestrator needs from the browser; unit tests pass fakes. */
export interface RunEnv {
  now(): number;
  sleep(ms: number): Promise<void>;
  newId(): string;
  loadLast(): Promise<unknown>;
  saveLast(run: LastRun): Promise<void>;
  /** `permissions.contains({ origins: [origin] })`: asked before every outside probe */
  mayContact(origin: string): Promise<boolean>;
  probes: Probes;
  online(): boolean;
  userAgent(): string;
  /** the browser's error name for our own last request to url (webRequest), if any */
  ownErrorFor(url: string): string | null;
  /** where our own last request to url was redirected (webRequest), if any */
  ownRedirectFor(url: string): string | null;
  /** forgets what webRequest said about url before a new probe of it */
  forgetOwn(url: string): void;
}

export interface RunDeps {
  /** writes into one tab's state */
  update: (tabId: number, fn: (s: TabState) => TabState) => Promise<void>;
  /** a tab's network evidence, for the dns and proxy checks */
  net: (tabId: number) => Promise<TabState['net']>;
}

export interface ActiveRun {
  tabs: Set<number>;
  deps: RunDeps;
  /** what the joined tabs show; null until the run knows whether it is a cache hit */
  record: CheckRun | null;
  done: Promise<CheckResult[]>;
}

export interface CheckRunner {
  /** Starts a run, or joins the one in flight; the tab counts as running from this call (synchronously). */
  request(tabId: number, deps: RunDeps): Promise<CheckResult[]>;
  isRunning(tabId: number): boolean;
}

/** How long to wait for a webRequest event that may arrive a moment after fetch settles. */
