import { BUDGET, KB } from '../budgets';
import { BUILD_DIR, details, fmtKB, rows } from '../common';
import { entrySizes } from '../sizes';

// Phase 1: gzipped sizes of the content script, background and popup (content script and background have budgets).
export function measureSizes() {
  const sizes = entrySizes(BUILD_DIR);
  const cs = sizes.filter((s) => s.role === 'content script');
  const csGzip = cs.reduce((a, s) => a + s.gzip, 0);
  const csRaw = cs.reduce((a, s) => a + s.raw, 0);
  rows.push({
    what: 'content script, gzipped',
    figure: `${fmtKB(csGzip)} (raw ${fmtKB(csRaw)})`,
    budget: `≤ ${BUDGET.contentGzip / KB} KB`,
    ok: csGzip <= BUDGET.contentGzip,
  });
  for (const role of ['background', 'popup'] as const) {
    const files = sizes.filter((s) => s.role === role);
    const gz = files.reduce((a, s) => a + s.gzip, 0);
    const raw = files.reduce((a, s) => a + s.raw, 0);
    const budget = role === 'background' ? BUDGET.backgroundGzip : null;
    rows.push({
      what: `${role}, gzipped`,
      figure: `${fmtKB(gz)} (raw ${fmtKB(raw)})`,
      budget: budget ? `≤ ${budget / KB} KB` : '—',
      ok: budget ? gz <= budget : null,
    });
  }
  details.push('Entrypoint files (gzip -9 by node:zlib, 1 KB = 1024 bytes):', '', '| part | file | raw | gzipped |', '|---|---|---:|---:|');
  for (const s of sizes) details.push(`| ${s.role} | \`${s.file}\` | ${s.raw.toLocaleString('en')} B | ${s.gzip.toLocaleString('en')} B |`);
  details.push('');
}
