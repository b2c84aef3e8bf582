import type { CauseId } from '../../src/contracts/cause-ids';
import type { Fixture } from '../fixtures/index';

// What a drifted page must produce (issue 11, item 7), shared by the unit suite and the browser
// subset. An outcome is what the popup says: `problem:<cause>`, `ui-unrecognized:<reason>` or
// `no-problem`.

export type Outcome = `problem:${string}` | `ui-unrecognized:${string}` | 'no-problem' | string;

/** What is really on the page, from the fixture's own description (tests/fixtures/index.ts). */
export type Truth =
  /** something is wrong and visible: a failed send, a blocked or replaced composer, a TikTok page */
  | { kind: 'problem'; cause: CauseId | null; notice: string | null; failedRows: number }
  /** an inbox the extension knows, nothing wrong */
  | { kind: 'healthy' }
  /** the fixture is already an unknown page (damaged.html): only "can't read" is right */
  | { kind: 'unreadable' };

const PAGE_CAUSE: Partial<Record<string, CauseId>> = { login: 'logged-out' };
const COMPOSER_CAUSE: Partial<Record<string, CauseId>> = { 'request-box': 'incoming-request', 'block-note': 'blocked' };

export function truthOf(f: Fixture): Truth {
  const e = f.expected;
  const problemPage = e.page !== 'inbox' && e.page !== 'unknown';
  const problem =
    f.failedRowCount > 0 || problemPage || e.composer === 'block-note' || e.composer === 'request-box' || e.unsupportedMessage;
  if (problem) {
    // the cause the page itself names; null (no notice, or text unknown to the catalogue): the one the
    // undrifted page gets (the unit suite asserts that one is a problem)
    const cause =
      e.notice?.causeId ?? PAGE_CAUSE[e.page] ?? COMPOSER_CAUSE[e.composer] ?? (e.unsupportedMessage ? 'unsupported-on-web' : null);
    return { kind: 'problem', cause, notice: e.notice?.text ?? null, failedRows: f.failedRowCount };
  }
  if (e.page === 'unknown') return { kind: 'unreadable' };
  return { kind: 'healthy' };
}

/**
 *  right    the fixture's own cause (a problem page) / no-problem (healthy) / ui-unrecognized (unreadable)
 *  partial  a problem page shown as a problem with another cause, TikTok's notice not found (the
 *           failure is not lost, its explanation is)
 *  honest   ui-unrecognized where more was possible
 *  wrong    silence with a problem present, a problem (or a hint) on a healthy page, a wrong cause
 *           although the notice was read, no-problem on an unreadable page
 */
export type Verdict = 'right' | 'partial' | 'honest' | 'wrong';

export function verdictOf(truth: Truth, cause: CauseId | null, outcome: Outcome, noticeFound: boolean, hint: boolean): Verdict {
  if (truth.kind === 'problem') {
    if (outcome === `problem:${cause}`) return 'right';
    if (outcome.startsWith('ui-unrecognized')) return 'honest';
    if (outcome.startsWith('problem:') && !noticeFound) return 'partial';
    return 'wrong';
  }
  if (hint || outcome.startsWith('problem:')) return 'wrong';
  if (truth.kind === 'unreadable') return outcome.startsWith('ui-unrecognized') ? 'right' : 'wrong';
  if (outcome === 'no-problem') return 'right';
  return outcome.startsWith('ui-unrecognized') ? 'honest' : 'wrong';
}

/**
 * Families that take away only one kind of anchor: a failure must still be diagnosed with its
 * right cause and its notice (DESIGN: two independent anchors; the notice wherever TikTok puts it).
 */
export function isStrict(family: string): boolean {
  return family === 'hashes' || family.startsWith('testids-') || family.startsWith('notice-') || family.startsWith('component:');
}
