// `npm run bench` (via run.mjs): measures every budget of DESIGN.md ("Budgets") in real headless
// Chromium with the production build, prints a table and records it in docs/PERFORMANCE.md.
// The budgets are in scripts/bench/budgets.ts (the one table); the phases in scripts/bench/phases/.
// Options: --quick (shorter churn, fewer rounds), --check (exit 1 when a budget is missed),
// --no-write / --write (docs/PERFORMANCE.md is written by default in full mode only),
// --only=sizes,checks,cpu,latency,popup,heap,big,switch (a subset, never written).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { cpus, freemem, loadavg, release, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { launchChromium, type ChromiumSession } from '../browsers/chromium';
import { chromiumPath } from '../browsers/paths';
import { BUILD_DIR, CFG, CHECK, details, log, QUICK, RATE, rows, want, WRITE } from './common';
import { measureBig } from './phases/big';
import { measureChecks } from './phases/checks';
import { measureCpu } from './phases/cpu';
import { measureHeap } from './phases/heap';
import { measureLatency } from './phases/latency';
import { measurePopup, measurePopupCold, measurePopupFloor, POPUP_COLD_ROUNDS } from './phases/popup';
import { measureSizes } from './phases/sizes';
import { measureSwitch } from './phases/switch';
import { launchPlain, type PlainSession } from './plain';
import { renderTable, writeDoc, type Run } from './report';
import { setFrameSources } from './profile';
import { entrySizes } from './sizes';
import { profileBuild, sameBytesMap, sourceLocator } from './size-profile';

async function main() {
  if (!existsSync(resolve(BUILD_DIR, 'manifest.json'))) {
    console.error(`No production build in ${BUILD_DIR}: run "npm run build" first.`);
    process.exit(2);
  }
  const started = Date.now();
  const loadBefore = loadavg()[0]!;
  if (loadBefore > cpus().length * 0.5)
    log(`warning: load average ${loadBefore.toFixed(2)} on ${cpus().length} cores: other work will distort the CPU and latency figures`);
  const exe = chromiumPath();
  log(`mode ${QUICK ? 'quick' : 'full'}; build ${BUILD_DIR}`);
  if (want('sizes')) measureSizes();
  nameFramesBySource();

  let s: ChromiumSession | null = null;
  let plain: PlainSession | null = null;
  let chromiumVersion = 'unknown';
  const needBrowser = ['checks', 'cpu', 'latency', 'popup', 'heap', 'big', 'switch'].some(want);
  try {
    if (needBrowser) {
      s = await launchChromium({ extensionDir: BUILD_DIR });
      const origin = `chrome-extension://${s.extensionId}/`;
      const probe = await s.context.newPage();
      const probeCdp = await s.context.newCDPSession(probe);
      const v = (await probeCdp.send('Browser.getVersion').catch(() => null)) as { product?: string } | null;
      chromiumVersion = v?.product?.replace(/^(Headless)?Chrome\//, '') ?? 'unknown';
      await probe.close();
      // first, on a fresh profile: a failure seen later triggers a background run, and runs are
      // limited to one per 30 s
      if (want('checks')) {
        log('checks');
        await measureChecks(s);
      }
      if (want('cpu') || want('heap') || want('big')) plain = await launchPlain(exe);
      if (want('cpu')) {
        log('cpu');
        await measureCpu(s, plain!, origin);
      }
      if (want('latency')) {
        log('latency');
        await measureLatency(s);
      }
      if (want('popup')) {
        log('popup');
        await measurePopup(s);
        log('popup (worker stopped first)');
        await measurePopupCold(s);
        log('popup floor (an empty extension page)');
        await measurePopupFloor();
      }
      if (want('heap')) {
        log('heap');
        await measureHeap(s, plain!);
      }
      // the 20,000-row chat and conversation switches: measured and reported (no budget)
      if (want('big')) {
        log('big');
        await measureBig(s, plain!, origin);
      }
      if (want('switch')) {
        log('switch');
        await measureSwitch(s, origin);
      }
    }
  } finally {
    await s?.close();
    await plain?.close();
  }

  const run: Run = {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    mode: QUICK ? 'quick' : 'full',
    chromium: chromiumVersion,
    machine: `${machine()}; load average (1 min) ${loadBefore.toFixed(2)} at the start, ${loadavg()[0]!.toFixed(2)} at the end`,
    build: buildInfo(),
    durationS: Math.round((Date.now() - started) / 1000),
    config: `${CFG.rounds} rounds × ${CFG.churnS} s churn at ${RATE} mutations/s; ${CFG.latencyRounds} hint rounds per page; ${CFG.popupRounds} popup opens (+ ${POPUP_COLD_ROUNDS} after stopping the worker); heap at ${CFG.heapEarlyS} s / ${CFG.heapLateS} s`,
    rows,
    details,
  };
  console.log(`\n${renderTable(rows)}\n`);
  console.log(details.join('\n'));
  console.log(`\n${run.mode} run, ${run.durationS} s, Chromium ${run.chromium}, ${run.machine}`);
  if (WRITE) {
    writeDoc(resolve('docs/PERFORMANCE.md'), run);
    console.log('written to docs/PERFORMANCE.md');
  }
  const missed = rows.filter((r) => r.ok === false);
  if (missed.length) console.log(`${missed.length} budget(s) missed: ${missed.map((r) => r.what).join('; ')}`);
  if (CHECK && missed.length) process.exit(1);
}

function machine(): string {
  let os = 'Linux';
  try {
    os = readFileSync('/etc/os-release', 'utf8').match(/PRETTY_NAME="([^"]+)"/)?.[1] ?? os;
  } catch {
    /* not Linux */
  }
  const c = cpus();
  return `${c.length} cores (${c[0]?.model.trim() ?? '?'}), ${Math.round(totalmem() / 1024 ** 3)} GB RAM (${Math.round(freemem() / 1024 ** 3)} GB free), ${os}, kernel ${release()}, Node ${process.version}`;
}

function buildInfo(): string {
  let head = '?';
  let dirty = '';
  try {
    head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'entrypoints'], { encoding: 'utf8' }).trim()
      ? ' + uncommitted changes in src/ or entrypoints/'
      : '';
  } catch {
    /* no git */
  }
  const built = statSync(resolve(BUILD_DIR, 'manifest.json'))
    .mtime.toISOString()
    .replace(/\.\d+Z$/, 'Z');
  return `.output/chrome-mv3 built ${built}, git ${head}${dirty}`;
}

main().catch((err) => {
  console.error(err);
  process.exit(2);
});

/** The profiles' frames of the content script by source line, when the profile build is the measured bundle. */
function nameFramesBySource(): void {
  if (!['cpu', 'latency', 'big', 'switch'].some(want)) return;
  const file = entrySizes(BUILD_DIR).find((x) => x.role === 'content script' && x.file.endsWith('.js'))?.file;
  const built = profileBuild();
  const map = file && 'dir' in built ? sameBytesMap(BUILD_DIR, built.dir, file) : null;
  if (!file || !map) {
    log(
      `frames keep their minified names: ${'none' in built ? built.none : 'the measured content script is not what this checkout builds'}`,
    );
    return;
  }
  const at = sourceLocator(map);
  setFrameSources((url, line, column) => (url.endsWith(`/${file}`) ? at(line, column) : null));
}
