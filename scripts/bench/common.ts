// Settings and helpers shared by the bench's phases (scripts/bench/phases/*): the command-line flags,
// the run's size (quick or full), the rows and details collected for the report, small statistics.
import { resolve } from 'node:path';
import { KB } from './budgets';
import { round } from './profile';
import type { Row } from './report';

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
export const QUICK = flag('quick');
export const ONLY = (argv
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',') ?? null) as string[] | null;
export const WRITE = flag('write') || (!flag('no-write') && !QUICK && !ONLY);
export const CHECK = flag('check');
export const want = (phase: string) => !ONLY || ONLY.includes(phase);

export const CFG = QUICK
  ? {
      rounds: 2,
      churnS: 5,
      warmS: 1,
      latencyRounds: 50,
      busyLatencyRounds: 20,
      latencyCapS: 45,
      popupRounds: 20,
      burstPairs: 30,
      heapEarlyS: 10,
      heapLateS: 40,
    }
  : {
      rounds: 3,
      churnS: 10,
      warmS: 1,
      latencyRounds: 50,
      busyLatencyRounds: 50,
      latencyCapS: 60,
      popupRounds: 25,
      burstPairs: 60,
      heapEarlyS: 30,
      heapLateS: 180,
    };
export const RATE = 1000; // DOM mutations per second
export const ROWS = 5000;
export const SAMPLING_US = 100;
export const BUILD_DIR = resolve('.output/chrome-mv3');

export const rows: Row[] = [];
export const details: string[] = [];
export const T0 = Date.now();
export const log = (...a: unknown[]) => console.error(`[bench ${Math.round((Date.now() - T0) / 1000)} s]`, ...a);
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}
export const median = (v: number[]) => pct(v, 50);
export const fmtKB = (b: number) => `${(b / KB).toFixed(1)} KB`;
export const ms = (n: number, d = 1) => `${round(n, d)} ms`;

export function failRow(what: string, budget: string, err: unknown) {
  rows.push({
    what,
    figure: `error: ${String((err as Error)?.message ?? err)
      .split('\n')[0]!
      .slice(0, 120)}`,
    budget,
    ok: false,
  });
}
