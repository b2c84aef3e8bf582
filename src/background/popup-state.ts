import type { PopupState } from '../contracts/tab-view';
import type { Diagnosis } from '../contracts/diagnosis';

export interface StateInputs {
  onTikTok: boolean;
  recognition: 'waiting' | 'recognized' | 'unrecognized' | null;
  diagnosis: Diagnosis | null;
  checksRunning: boolean;
}

/** DESIGN.md precedence: problem > ui-unrecognized > no-problem; not-tiktok iff not a TikTok tab. */
export function popupState(i: StateInputs): { state: PopupState; settled: boolean } {
  if (!i.onTikTok) return { state: 'not-tiktok', settled: !i.checksRunning };
  const waiting = i.recognition === 'waiting';
  if (i.diagnosis?.problem) return { state: 'problem', settled: !i.checksRunning && !waiting };
  if (i.recognition === 'unrecognized') return { state: 'ui-unrecognized', settled: !i.checksRunning };
  if (i.checksRunning && !i.diagnosis) return { state: 'checking', settled: false };
  return { state: 'no-problem', settled: !i.checksRunning && !waiting };
}
