import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FIXTURES, type Fixture } from '../fixtures/index';
import type { CauseId } from '../../src/contracts/cause-ids';
import { BUBBLE_MARKER, DRAFT_MARKER, drift, type Family } from './drift';
import { isStrict, truthOf, verdictOf, type Outcome, type Truth, type Verdict } from './outcome';

// The drift suite's browser subset (docs/TESTING.md "Drift suite"): every family on one failed and
// one healthy fixture, served as the TikTok page to the built extension in Chromium and Firefox.
// The rules are the unit suite's (outcome.ts); here the outcome is read from the popup's public face.

export const BROWSER_FAMILIES: Family[] = [
  'hashes',
  'component:DivWarningContainer',
  'component:DivSendFailTip',
  'component:DivChatItemWrapper',
  'testids-renamed',
  'testids-dropped',
  'notice-under-header',
  'notice-under-header-renamed',
  'new-generation',
  'privacy-drift',
];

/** E2's cause (not-friends) is not what the planted bubble words say (sending-too-fast). */
export const BROWSER_FIXTURES = ['dm-new-failed-e2-friends-only.html', 'dm-new-healthy.html'];

export const PRIVATE_MARKERS = [DRAFT_MARKER, BUBBLE_MARKER, 'DRAFT-MARKER', 'BUBBLE-MARKER'];

export interface BrowserCase {
  name: string;
  family: Family;
  fixture: Fixture;
  truth: Truth;
  /** the fixture's cause (tests/fixtures/index.ts), null for a page without a problem */
  cause: CauseId | null;
  html: string;
  /** a URL of its own (the chat's `u` kept, a `drift` parameter added) so each case is its own page */
  url: string;
}

export function browserCases(): BrowserCase[] {
  const out: BrowserCase[] = [];
  let n = 0;
  for (const family of BROWSER_FAMILIES) {
    for (const file of BROWSER_FIXTURES) {
      const fixture = FIXTURES.find((f) => f.file === file);
      if (!fixture) throw new Error(`no fixture ${file}`);
      const html = drift(readFileSync(resolve('tests/fixtures', file), 'utf8'), family);
      if (html === null) continue; // e.g. no notice to move on a healthy page
      const truth = truthOf(fixture);
      const cause = truth.kind === 'problem' ? truth.cause : null;
      n++;
      out.push({
        name: `${family} × ${file.replace(/\.html$/, '')}`,
        family,
        fixture,
        truth,
        cause,
        html,
        url: `${fixture.url}&drift=${n}`,
      });
    }
  }
  return out;
}

/** What the popup and the page showed for a case. */
export interface Seen {
  state: string | null;
  settled: string | null;
  reason: string | null;
  topCause: string | null;
  notice: string | null;
  hint: string | null;
}

export function outcomeOf(seen: Seen): Outcome {
  if (seen.state === 'problem') return `problem:${seen.topCause}`;
  if (seen.state === 'ui-unrecognized') return `ui-unrecognized:${seen.reason ?? 'none'}`;
  return seen.state ?? 'none';
}

/** The rules, as a list of broken ones (empty: the case passes). */
export function brokenRules(c: BrowserCase, seen: Seen): { verdict: Verdict; broken: string[] } {
  const outcome = outcomeOf(seen);
  const verdict = verdictOf(c.truth, c.cause, outcome, seen.notice !== null, seen.hint !== null);
  const broken: string[] = [];
  if (verdict === 'wrong') broken.push(`silent wrong: ${outcome}`);
  if (c.truth.kind !== 'problem' && seen.hint !== null) broken.push(`a hint (${seen.hint}) on a page without a problem`);
  if (isStrict(c.family) && c.truth.kind === 'problem') {
    if (outcome !== `problem:${c.cause}`) broken.push(`one anchor family lost, expected problem:${c.cause}, got ${outcome}`);
    if (c.truth.notice && seen.notice !== c.truth.notice)
      broken.push(`notice-text ${JSON.stringify(seen.notice)}, expected ${JSON.stringify(c.truth.notice)}`);
    if (seen.hint !== c.cause) broken.push(`hint ${seen.hint}, expected ${c.cause}`);
  }
  if (c.family === 'new-generation' && c.fixture.expected.page === 'inbox' && !outcome.startsWith('ui-unrecognized'))
    broken.push(`a new generation must be ui-unrecognized, got ${outcome}`);
  if (seen.state === 'ui-unrecognized' && seen.reason !== 'page-changed' && seen.reason !== 'chat-unreadable')
    broken.push(`ui-unrecognized without data-reason (page-changed | chat-unreadable): ${seen.reason}`);
  if (c.family === 'privacy-drift' && c.cause !== 'sending-too-fast' && outcome === 'problem:sending-too-fast')
    broken.push('a friend\'s bubble made a "sending too fast" diagnosis');
  return { verdict, broken };
}

export function markersIn(text: string): string[] {
  return [...PRIVATE_MARKERS, 'Too many requests'].filter((m) => text.includes(m));
}
