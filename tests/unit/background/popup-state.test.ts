import { describe, expect, it } from 'vitest';
import { popupState } from '../../../src/background/popup-state';
import { diagnosisOf } from '../../../src/background/view';
import { emptyTabState } from '../../../src/background/tab-state';
import type { Diagnosis } from '../../../src/contracts/diagnosis';

const problem: Diagnosis = { problem: true, ranked: [], evidence: [], notice: null, earlier: false, question: null, at: 0 };
const fine: Diagnosis = { ...problem, problem: false };

describe('popupState (DESIGN.md precedence)', () => {
  it('not-tiktok iff the tab is not TikTok', () => {
    expect(popupState({ onTikTok: false, recognition: null, diagnosis: problem, checksRunning: false }).state).toBe('not-tiktok');
  });
  it('problem > ui-unrecognized > no-problem', () => {
    expect(popupState({ onTikTok: true, recognition: 'unrecognized', diagnosis: problem, checksRunning: false }).state).toBe('problem');
    expect(popupState({ onTikTok: true, recognition: 'unrecognized', diagnosis: fine, checksRunning: false }).state).toBe('ui-unrecognized');
    expect(popupState({ onTikTok: true, recognition: 'recognized', diagnosis: fine, checksRunning: false }).state).toBe('no-problem');
  });
  it('checking only without a diagnosis and with a run in progress; unsettled while anything is pending', () => {
    expect(popupState({ onTikTok: true, recognition: null, diagnosis: null, checksRunning: true })).toEqual({ state: 'checking', settled: false });
    expect(popupState({ onTikTok: true, recognition: null, diagnosis: fine, checksRunning: true })).toEqual({ state: 'no-problem', settled: false });
    expect(popupState({ onTikTok: true, recognition: 'waiting', diagnosis: fine, checksRunning: false })).toEqual({ state: 'no-problem', settled: false });
    expect(popupState({ onTikTok: true, recognition: 'recognized', diagnosis: fine, checksRunning: false }).settled).toBe(true);
  });
  it('a check run still going is not a diagnosis; a finished one is', () => {
    const s = emptyTabState(1, 1000);
    const running = { ...s, checks: { startedAt: 1000, finishedAt: null, runId: 'r', results: [{ id: 'online' as const, status: 'running' as const, reason: { key: 'check.running' } }] } };
    expect(diagnosisOf(running, 2000)).toBeNull();
    const done = { ...running, checks: { ...running.checks, finishedAt: 1500, results: [{ id: 'online' as const, status: 'fail' as const, reason: { key: 'online.offline' } }] } };
    expect(diagnosisOf(done, 2000)?.problem).toBe(true);
  });
});
