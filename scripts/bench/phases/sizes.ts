import { BUDGET, KB } from '../budgets';
import { BUILD_DIR, details, fmtKB, rows } from '../common';
import { entrySizes } from '../sizes';
import { contentPartOf, folderOf, profileBuild, profileOf } from '../size-profile';

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
  profileSizes(sizes);
}

const B = (n: number) => `${n.toLocaleString('en')} B`;

// The size budgets' profile: where each budgeted bundle's gzipped bytes go, by part and by module.
function profileSizes(sizes: ReturnType<typeof entrySizes>) {
  const built = profileBuild();
  const budgeted = [
    { role: 'content script' as const, target: BUDGET.contentGzipTarget, partOf: contentPartOf, by: 'part' },
    { role: 'background' as const, target: BUDGET.backgroundGzipTarget, partOf: folderOf, by: 'folder or library' },
  ];
  for (const { role, target, partOf, by } of budgeted) {
    const file = sizes.find((s) => s.role === role && s.file.endsWith('.js'))?.file;
    if (!file) continue;
    const p = 'none' in built ? built : profileOf(BUILD_DIR, built.dir, file, partOf);
    if ('none' in p) {
      details.push(`Where the ${role}'s bytes go: not shown, ${p.none}.`, '');
      continue;
    }
    details.push(
      `Where the ${role}'s bytes go (\`${file}\`, ${B(p.whole)} gzipped; from source maps of the same bytes, \`DMD_SIZE_PROFILE=1\`). ` +
        '"Saved" is how much gzip -9 of the file shrinks when those bytes are taken out; gzip shares repeated text between modules, so the rows do not add up to the whole.',
      '',
      `| ${by} | modules | minified | saved |`,
      '|---|---:|---:|---:|',
      ...p.parts.map((x) => `| ${x.part} | ${x.modules} | ${B(x.raw)} | ${B(x.saved)} |`),
      '',
      `Heaviest modules: ${p.modules
        .slice(0, 12)
        .map((m) => `${m.module} ${B(m.saved)}`)
        .join('; ')}.`,
    );
    const over = p.whole - target;
    if (over <= 0) details.push(`Within ${target / KB} KB by ${B(-over)}.`, '');
    else {
      const cut = p.cut(over);
      details.push(
        `Over ${target / KB} KB by ${B(over)}: ${
          cut
            ? `the fewest parts whose removal saves that much: ${cut.parts.join(' + ')} (${B(cut.saved)} together)`
            : 'no set of parts saves that much'
        }.`,
        '',
      );
    }
  }
}
