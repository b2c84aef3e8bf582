import { describe, expect, it } from 'vitest';
import { CONFIRM_GAP_MS, confirmedApart } from '../../../src/network/confirm';

describe('confirmedApart: never decide on one failure', () => {
  it('one failure, however old, confirms nothing', () => {
    expect(confirmedApart([])).toBe(false);
    expect(confirmedApart([1_000])).toBe(false);
  });
  it('two failures confirm each other only when the first and the last are at least 5 s apart', () => {
    expect(CONFIRM_GAP_MS).toBe(5_000);
    expect(confirmedApart([10_000, 14_999])).toBe(false);
    expect(confirmedApart([10_000, 15_000])).toBe(true);
    expect(confirmedApart([15_000, 10_000])).toBe(true);
  });
  it('the span counts, not the neighbours: three failures 2.5 s apart confirm', () => {
    expect(confirmedApart([10_000, 12_500, 15_000])).toBe(true);
    expect(confirmedApart([10_000, 12_000, 14_000])).toBe(false);
  });
});
