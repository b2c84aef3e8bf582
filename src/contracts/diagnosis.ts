import type { CauseId, Side } from './cause-ids';

export type Confidence = 'high' | 'medium' | 'low';

/** One thing we saw, in words: a message key with parameters (localised by the UI). */
export interface EvidenceItem {
  /** stable class, rendered as data-evidence-class */
  cls: string;
  key: string;
  params?: Record<string, string | number>;
}

export interface RankedCause {
  id: CauseId;
  side: Side;
  /** share of belief among the candidate causes, 0..1 */
  p: number;
  confidence: Confidence;
  /** evidence for this cause (and against, with `against: true`) */
  why: (EvidenceItem & { against?: boolean })[];
}

export interface Question {
  id: string;
  /** causes the answer separates */
  about: CauseId[];
}

export interface Diagnosis {
  /** true when something is wrong on this tab */
  problem: boolean;
  /** most likely first; empty when no problem */
  ranked: RankedCause[];
  /** everything we saw, for the popup's "why" and the report */
  evidence: EvidenceItem[];
  /** TikTok's own notice text (≤ 200 chars), when it showed one */
  notice: string | null;
  /** the failure is one already in the chat history when it opened */
  earlier: boolean;
  question: Question | null;
  at: number;
}
