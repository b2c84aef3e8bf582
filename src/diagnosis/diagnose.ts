import { CAUSE_IDS, sideOf, type CauseId } from '../contracts/cause-ids';
import type { Evidence, Fact } from './evidence';
import type { Confidence, Diagnosis, EvidenceItem, Question, RankedCause } from '../contracts/diagnosis';
import { answerFacts, checkFacts, imMissingFact, netFacts, pageFacts } from './facts';
import { QUESTIONS, weightsFor } from './rules';
import { PRIORS } from './priors';

const MAX_OTHERS = 4;
const MIN_OTHER_P = 0.03;
/** Which network error classes a failing check confirms. */
const CONFIRMED_BY: Record<string, string[]> = {
  online: ['offline', 'address-unreachable'],
  dns: ['dns'],
  'reach-www': [
    'connection-reset',
    'connection-refused',
    'timeout',
    'tls',
    'connection-closed',
    'admin-block',
    'blocked-by-client',
    'proxy',
  ],
  'reach-im-api': ['connection-reset', 'connection-refused', 'timeout', 'tls', 'connection-closed', 'admin-block', 'proxy'],
  proxy: ['proxy'],
  clock: ['cert-date'],
  'im-websocket': ['websocket'],
};

export function confidenceOf(p: number): Confidence {
  return p >= 0.7 ? 'high' : p >= 0.35 ? 'medium' : 'low';
}

/** Evidence → ranked causes with named confidence. Pure. */
export function diagnose(e: Evidence): Diagnosis {
  const failing = e.checks.filter((c) => c.status === 'fail');
  const checkConfirms = (cls: string) => failing.some((c) => CONFIRMED_BY[c.id]?.includes(cls));
  const page = pageFacts(e);
  const failedSend = page.some((f) => f.id === 'failed-send');
  const facts: Fact[] = [...page, ...netFacts(e, checkConfirms, failedSend), ...imMissingFact(e), ...checkFacts(e), ...answerFacts(e)];
  const evidence: EvidenceItem[] = facts.map(({ cls, key, params }) => (params ? { cls, key, params } : { cls, key }));
  const notice = (page.length && e.page?.observation?.notice?.text) || null;
  const earlier = !!e.page && !e.page.fresh && failedSend;
  const problem = facts.some((f) => f.trigger);
  if (!problem) return { problem: false, ranked: [], evidence, notice: null, earlier: false, question: null, at: e.now };

  const scores = score(facts, {});
  const ranked = rank(scores, facts);
  const top = ranked[0]!;
  const question = top.confidence === 'high' ? null : chooseQuestion(facts, e.answers, scores);
  const shown = [
    top,
    ...ranked
      .slice(1)
      .filter((c) => c.p >= MIN_OTHER_P)
      .slice(0, MAX_OTHERS),
  ];
  return { problem: true, ranked: shown, evidence, notice, earlier, question, at: e.now };
}

function score(facts: Fact[], extra: Partial<Record<CauseId, number>>): Map<CauseId, number> {
  const s = new Map<CauseId, number>(CAUSE_IDS.map((id) => [id, PRIORS[id] + (extra[id] ?? 0)]));
  for (const f of facts) {
    for (const [id, w] of Object.entries(weightsFor(f.id)) as [CauseId, number][]) s.set(id, (s.get(id) ?? 0) + w);
  }
  return s;
}

function softmax(scores: Map<CauseId, number>): [CauseId, number][] {
  const max = Math.max(...scores.values());
  const exp = [...scores].map(([id, v]) => [id, Math.exp(v - max)] as [CauseId, number]);
  const sum = exp.reduce((a, [, v]) => a + v, 0);
  return exp.map(([id, v]) => [id, v / sum] as [CauseId, number]).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

function rank(scores: Map<CauseId, number>, facts: Fact[]): RankedCause[] {
  return softmax(scores).map(([id, p]) => {
    const why: RankedCause['why'] = [];
    for (const f of facts) {
      const w = weightsFor(f.id)[id];
      if (!w) continue;
      const item: RankedCause['why'][number] = { cls: f.cls, key: f.key, ...(f.params ? { params: f.params } : {}) };
      why.push(w < 0 ? { ...item, against: true } : item);
    }
    return { id, side: sideOf(id), p, confidence: confidenceOf(p), why };
  });
}

function entropy(ps: number[]): number {
  return -ps.reduce((a, p) => (p > 0 ? a + p * Math.log(p) : a), 0);
}

/** The unanswered yes/no question that best separates the leading causes (expected entropy). */
function chooseQuestion(facts: Fact[], answers: Record<string, boolean>, scores: Map<CauseId, number>): Question | null {
  const now = softmax(scores);
  const lead = new Set(now.slice(0, 4).map(([id]) => id));
  const base = entropy(now.map(([, p]) => p));
  let best: { q: string; gain: number } | null = null;
  for (const [q, w] of Object.entries(QUESTIONS)) {
    if (q in answers) continue;
    const touched = [...Object.keys(w.yes), ...Object.keys(w.no)] as CauseId[];
    if (!touched.some((id) => lead.has(id))) continue;
    const after = (ans: 'yes' | 'no') =>
      entropy(softmax(score([...facts, { id: `answer:${q}:${ans}`, cls: '', key: '', trigger: false }], {})).map(([, p]) => p));
    const gain = base - (after('yes') + after('no')) / 2;
    if (gain > 0.05 && (!best || gain > best.gain)) best = { q, gain };
  }
  if (!best) return null;
  const w = QUESTIONS[best.q]!;
  const about = [...new Set([...Object.keys(w.yes), ...Object.keys(w.no)])].filter((id) => lead.has(id as CauseId)) as CauseId[];
  return { id: best.q, about };
}
