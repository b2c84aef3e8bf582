#!/usr/bin/env node
// `npm test`: type-check, linter (Biome) and type-aware lint (ESLint), layer rules (dependency-cruiser), build both
// browsers (production and e2e test builds), web-ext lint on the Firefox build, unit tests, then browser
// tests in Chromium and Firefox.
// Ends with one line "N passed, N failed" summing unit and browser tests; exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = [];
let stepsFailed = 0;

/** A step that is not a test suite (type-check, build, lint): each failure counts as one failed. */
function run(label, cmd, args, { counts = true } = {}) {
  console.log(`\n▶ ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    if (counts) stepsFailed++;
    console.error(`✖ ${label} failed (exit ${r.status ?? r.signal})`);
  }
  return r.status === 0;
}

function vitest(project, file, extra = []) {
  mkdirSync('test-results', { recursive: true });
  rmSync(file, { force: true });
  const ok = run(
    `${project} tests`,
    'npx',
    ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`, ...extra],
    { counts: false },
  );
  if (!existsSync(file)) return { passed: 0, failed: 1 };
  const json = JSON.parse(readFileSync(file, 'utf8'));
  const failed = json.numFailedTests ?? 0;
  // a suite that failed to load has no failed test but must still count
  return { passed: json.numPassedTests ?? 0, failed: failed === 0 && !ok ? 1 : failed };
}

function missingBrowsers() {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const firefox = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
  const missing = [];
  if (!existsSync(chromium)) missing.push(`Chromium (${chromium}): apt-get install -y chromium chromium-l10n, or set CHROMIUM_PATH`);
  if (!existsSync(firefox)) missing.push(`Firefox (${firefox}): apt-get install -y firefox-esr firefox-esr-l10n-fr, or set FIREFOX_PATH`);
  return missing;
}

const missing = missingBrowsers();
if (missing.length) {
  console.error(`Browser tests need browsers that are not installed:\n  - ${missing.join('\n  - ')}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

run('type-check', 'npx', ['tsc', '--noEmit', '-p', '.']);
run('linter (Biome; its format check once on)', 'npm', ['run', '--silent', 'lint:code']);
run('type-aware lint (ESLint + typescript-eslint)', 'npm', ['run', '--silent', 'lint:types']);
run('layer rules', 'npm', ['run', '--silent', 'lint:layers']);
run('build', 'npm', ['run', '--silent', 'build']);
run('web-ext lint', 'npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv2', '--self-hosted']);
results.push(vitest('unit', 'test-results/unit.json'));
run('e2e build', 'npm', ['run', '--silent', 'build:e2e']);
results.push(vitest('e2e', 'test-results/e2e.json'));

const passed = results.reduce((a, r) => a + r.passed, 0);
const failed = results.reduce((a, r) => a + r.failed, 0) + stepsFailed;
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
