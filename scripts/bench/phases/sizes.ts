import { BUDGET, KB } from '../budgets';
import { BUILD_DIR, details, fmtKB, rows } from '../common';
import { entrySizes } from '../sizes';

// Phase 1: gzipped sizes of the content script, background and popup (content script and background have budgets).
export function measureSizes() {
  const sizes = entrySizes(BUILD_DIR);
  const cs = sizes.filter((s) => s.role === 'content script');
  const csGzip = cs.reduce((a, s) => a + s.gzip, 0);
  const csRaw = cs.reduce((a, s) => a + s.raw, 0);
  // held to DESIGN.md's budget; CI's limit (tests/unit/build/size.test.ts) is given beside it when it differs
  const limits = (target: number, ci: number) => `≤ ${target / KB} KB${ci !== target ? ` (CI limit ${ci / KB} KB)` : ''}`;
  rows.push({
    what: 'content script, gzipped',
    figure: `${fmtKB(csGzip)} (raw ${fmtKB(csRaw)}; ${csGzip.toLocaleString('en')} B)`,
    budget: limits(BUDGET.contentGzipTarget, BUDGET.contentGzip),
    ok: csGzip <= BUDGET.contentGzipTarget,
  });
  for (const role of ['background', 'popup'] as const) {
    const files = sizes.filter((s) => s.role === role);
    const gz = files.reduce((a, s) => a + s.gzip, 0);
    const raw = files.reduce((a, s) => a + s.raw, 0);
    const bg = role === 'background';
    rows.push({
      what: `${role}, gzipped`,
      figure: `${fmtKB(gz)} (raw ${fmtKB(raw)}; ${gz.toLocaleString('en')} B)`,
      budget: bg ? limits(BUDGET.backgroundGzipTarget, BUDGET.backgroundGzip) : '—',
      ok: bg ? gz <= BUDGET.backgroundGzipTarget : null,
    });
  }
  details.push('Entrypoint files (gzip -9 by node:zlib, 1 KB = 1024 bytes):', '', '| part | file | raw | gzipped |', '|---|---|---:|---:|');
  for (const s of sizes) details.push(`| ${s.role} | \`${s.file}\` | ${s.raw.toLocaleString('en')} B | ${s.gzip.toLocaleString('en')} B |`);
  details.push('');
}
