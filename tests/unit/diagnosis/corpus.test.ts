import { describe, it, expect } from 'vitest';
import { diagnose } from '../../../src/diagnosis/diagnose';
import type { Diagnosis } from '../../../src/contracts/diagnosis';
import { CAUSE_IDS } from '../../../src/contracts/cause-ids';
import { SCENARIOS, type Scenario } from './corpus';

// Runs diagnose over the whole corpus, prints the failures and the accuracy, and holds the line:
// top-1 ≥ 95 %, top-3 = 100 %, and every confidence / question / earlier assertion.

interface Outcome {
  s: Scenario;
  d: Diagnosis;
  top1: boolean;
  top3: boolean;
  extras: string[];
}

function judge(s: Scenario): Outcome {
  const d = diagnose(s.evidence);
  const ids = d.ranked.slice(0, 3).map((c) => c.id);
  const top = d.problem ? d.ranked[0] : undefined;
  const top1 = s.expectTop === null ? !d.problem : !!top && top.id === s.expectTop;
  const top3 = s.expectTop === null ? !d.problem : d.problem && [s.expectTop, ...(s.top3 ?? [])].every((id) => ids.includes(id));
  const extras: string[] = [];
  if (s.expectConfidence && top) {
    const ok = s.expectConfidence === 'not-high' ? top.confidence !== 'high' : top.confidence === s.expectConfidence;
    if (!ok) extras.push(`confidence ${top.confidence}, expected ${s.expectConfidence}`);
  }
  if (s.expectQuestion !== undefined && (d.question !== null) !== s.expectQuestion) {
    extras.push(s.expectQuestion ? 'no question proposed' : `unexpected question ${d.question?.id}`);
  }
  if (s.expectEarlier !== undefined && d.earlier !== s.expectEarlier) extras.push(`earlier=${d.earlier}`);
  return { s, d, top1, top3, extras };
}

const outcomes = SCENARIOS.map(judge);
const pct = (n: number) => Math.round((1000 * n) / outcomes.length) / 10;
const top1 = outcomes.filter((o) => o.top1).length;
const top3 = outcomes.filter((o) => o.top3).length;

const bad = outcomes.filter((o) => !o.top1 || !o.top3 || o.extras.length);
if (bad.length) {
  console.table(
    bad.map((o) => ({
      scenario: o.s.name,
      ref: o.s.ref,
      expected: o.s.expectTop ?? '(no problem)',
      got: o.d.problem
        ? o.d.ranked
            .slice(0, 3)
            .map((c) => `${c.id} ${Math.round(c.p * 100)}% ${c.confidence}`)
            .join(', ')
        : '(no problem)',
      top1: o.top1 ? 'ok' : 'MISS',
      top3: o.top3 ? 'ok' : 'MISS',
      other: o.extras.join('; '),
    })),
  );
}
console.log(
  `diagnosis corpus: ${outcomes.length} scenarios, top-1 ${top1}/${outcomes.length} (${pct(top1)} %), top-3 ${top3}/${outcomes.length} (${pct(top3)} %), other assertions failing: ${outcomes.filter((o) => o.extras.length).length}`,
);

describe('diagnosis corpus', () => {
  it('has at least 90 scenarios with unique names', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(90);
    expect(new Set(SCENARIOS.map((s) => s.name)).size).toBe(SCENARIOS.length);
  });

  it('reaches every cause id of DESIGN.md as an expected top cause or a top-3 candidate', () => {
    const named = new Set(SCENARIOS.flatMap((s) => [s.expectTop, ...(s.top3 ?? [])]).filter(Boolean));
    expect(CAUSE_IDS.filter((id) => !named.has(id))).toEqual([]);
  });

  it('top-1 accuracy ≥ 95 %', () => {
    expect(top1 / outcomes.length).toBeGreaterThanOrEqual(0.95);
  });

  it('top-3 accuracy is 100 %', () => {
    expect(outcomes.filter((o) => !o.top3).map((o) => o.s.name)).toEqual([]);
  });

  it('confidence, question and earlier assertions hold', () => {
    expect(outcomes.filter((o) => o.extras.length).map((o) => `${o.s.name}: ${o.extras.join('; ')}`)).toEqual([]);
  });
});
