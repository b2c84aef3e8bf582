#!/usr/bin/env node
// `npm run bench [-- --quick] [-- --check] [-- --no-write | --write] [-- --only=phase,…]`
// Entry point: checks the prerequisites, then runs scripts/bench/bench.ts with tsx (the bench launches
// Chromium with scripts/browsers/chromium.ts, shared with the e2e tests). Exit codes: 0 ok, 1 a budget missed (--check),
// 2 the bench could not run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const build = resolve('.output/chrome-mv3/manifest.json');
if (!existsSync(build)) {
  console.error('No production build in .output/chrome-mv3: run "npm run build" first, then "npm run bench".');
  process.exit(2);
}
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`Chromium not found at ${chromium}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  process.exit(2);
}
const tsx = resolve('node_modules/.bin/tsx');
if (!existsSync(tsx)) {
  console.error('tsx is missing: run "npm ci" first.');
  process.exit(2);
}
const r = spawnSync(tsx, [resolve('scripts/bench/bench.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 2);
