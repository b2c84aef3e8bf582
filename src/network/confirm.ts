// DESIGN.md: "one failed request never decides anything". A network fault counts only when seen at
// least twice, the first and the last at least 5 s apart (or when a check confirms it: that is
// diagnose's business). The one place this rule is written; the checks and the diagnosis use it.

export const CONFIRM_GAP_MS = 5_000;

/** Whether failures at these times (epoch ms) confirm one another. */
export function confirmedApart(times: readonly number[]): boolean {
  return times.length >= 2 && Math.max(...times) - Math.min(...times) >= CONFIRM_GAP_MS;
}
