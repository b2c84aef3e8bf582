import type { PageReport } from '../contracts/page-report';

/** A network event as diagnose needs it (src/network/evidence.ts has the full record). */
export interface NetFact {
  t: number;
  role: string;
  kind: 'error' | 'http';
  cls?: string;
  httpClass?: string;
  status?: number;
}

/** A check result as diagnose needs it. */
export interface CheckFact {
  id: string;
  status: 'pass' | 'warn' | 'fail' | 'skipped' | 'running';
  reason: { key: string; params?: Record<string, string | number> };
}

/** Everything known about one tab: the input of `diagnose`. */
export interface Evidence {
  now: number;
  /** the tab is on www.tiktok.com's /messages (its latest visit) */
  onMessages: boolean;
  page: PageReport | null;
  net: NetFact[];
  checks: CheckFact[];
  answers: Record<string, boolean>;
}

/** A named thing we saw. `trigger` facts mean something is wrong on their own. */
export interface Fact {
  id: string;
  cls: string;
  key: string;
  params?: Record<string, string | number>;
  trigger: boolean;
}
