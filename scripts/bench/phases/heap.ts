import type { CDPSession } from 'playwright-core';
import type { ChromiumSession } from '../../browsers/chromium';
import { BUDGET, MB } from '../budgets';
import { CFG, details, failRow, log, RATE, ROWS, rows, sleep } from '../common';
import { CHAT_URL, chatPage } from '../pages';
import { launchPlain, type PlainSession } from '../plain';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumPath } from '../../browsers/paths';

/** An extension whose content script does nothing, on the same pages: what any content script costs the isolate (its own JS context). */
function controlExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dmd-bench-control-'));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'empty content script',
      version: '1.0',
      content_scripts: [{ matches: ['https://www.tiktok.com/*'], js: ['c.js'], all_frames: true, run_at: 'document_idle' }],
    }),
  );
  writeFileSync(join(dir, 'c.js'), 'void 0;\n');
  return dir;
}

/** The same page and churn with the control extension: its heap minus the plain browser's. */
async function controlDelta(html: string, plainCdp: CDPSession): Promise<number | null> {
  const dir = controlExtension();
  const control = await launchPlain(chromiumPath(), dir);
  try {
    control.serve(CHAT_URL, html);
    const page = await control.open(CHAT_URL);
    const cdp = await control.context.newCDPSession(page);
    await sleep(1500);
    await page.evaluate(`window.__bench.start("messages", ${RATE})`);
    await sleep(CFG.heapEarlyS * 1000);
    const [c, p] = [await heapUsed(cdp), await heapUsed(plainCdp)];
    await page.evaluate('window.__bench.stop()');
    return c - p;
  } catch (err) {
    log('heap control failed', err);
    return null;
  } finally {
    await control.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What a heap snapshot's objects are, for the with − without breakdown (V8's own node types and names). */
const KINDS: Array<[string, (type: string, name: string) => boolean]> = [
  // C++ objects of Blink (cppgc): in the snapshot but not in Runtime.getHeapUsage's figure
  ['Blink C++ objects (not in the figure)', (type, name) => type === 'native' && name.startsWith('blink::')],
  ['script source', (type, name) => name === 'system / ExternalStringData' || type === 'concatenated string' || type === 'sliced string'],
  ['compiled code and feedback', (type) => type === 'code'],
  // what a JS context that calls the DOM instantiates for itself: interface templates, prototypes'
  // shapes and property cells, accessors
  [
    'DOM bindings and object shapes of the context',
    (type, name) =>
      type === 'object shape' ||
      /^system \/ (FunctionTemplateInfo|ObjectTemplateInfo|AccessorPair|AccessorInfo|PropertyCell|PropertyArray|ArrayList|WeakArrayList|DictionaryTemplateInfo)/.test(
        name,
      ) ||
      name === '(object properties)',
  ],
  [
    'DOM wrappers',
    (type, name) =>
      type === 'object' && /^(HTML|SVG|Text$|Comment$|MutationRecord$|NodeList$|HTMLCollection$|DocumentFragment$)/.test(name),
  ],
  ['strings', (type) => type === 'string'],
];

async function snapshotKinds(cdp: CDPSession): Promise<Map<string, number>> {
  await cdp.send('HeapProfiler.enable');
  let json = '';
  const onChunk = (e: { chunk: string }) => {
    json += e.chunk;
  };
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.disable');
  const snap = JSON.parse(json) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
    strings: string[];
  };
  const f = snap.snapshot.meta.node_fields;
  const [typeAt, nameAt, sizeAt, width] = [f.indexOf('type'), f.indexOf('name'), f.indexOf('self_size'), f.length];
  const types = snap.snapshot.meta.node_types[0];
  const out = new Map<string, number>();
  for (let i = 0; i < snap.nodes.length; i += width) {
    const type = types[snap.nodes[i + typeAt]!]!;
    const name = snap.strings[snap.nodes[i + nameAt]!]!;
    const kind = KINDS.find(([, is]) => is(type, name))?.[0] ?? 'other';
    out.set(kind, (out.get(kind) ?? 0) + snap.nodes[i + sizeAt]!);
  }
  return out;
}

/** Where the extension's heap goes: the two pages' snapshots, by kind, with − without. */
async function breakdown(extCdp: CDPSession, plainCdp: CDPSession): Promise<string> {
  const [ext, plain] = [await snapshotKinds(extCdp), await snapshotKinds(plainCdp)];
  const kb = (b: number) => `${b >= 0 ? '+' : '−'}${Math.round(Math.abs(b) / 1024)} KB`;
  return [...KINDS.map(([k]) => k), 'other'].map((k) => `${k} ${kb((ext.get(k) ?? 0) - (plain.get(k) ?? 0))}`).join('; ');
}

// Phase 6: isolate heap after GC with and without the extension, early and late in a long churn (budget: the difference at both points).
async function heapUsed(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await sleep(200);
  await cdp.send('HeapProfiler.collectGarbage');
  const u = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return u.usedSize;
}

export async function measureHeap(s: ChromiumSession, plain: PlainSession) {
  const what = `isolate heap after GC, with − without extension (${CFG.heapEarlyS} s → ${CFG.heapLateS} s of churn)`;
  try {
    const html = chatPage(ROWS);
    s.serve(CHAT_URL, html);
    plain.serve(CHAT_URL, html);
    const extPage = await s.open(CHAT_URL);
    const plainPage = await plain.open(CHAT_URL);
    const extCdp = await s.context.newCDPSession(extPage);
    const plainCdp = await plain.context.newCDPSession(plainPage);
    await sleep(1500);
    const t0 = Date.now();
    await extPage.evaluate(`window.__bench.start("messages", ${RATE})`);
    await plainPage.evaluate(`window.__bench.start("messages", ${RATE})`);
    const at = async (s2: number) => {
      await sleep(Math.max(0, t0 + s2 * 1000 - Date.now()));
      return { ext: await heapUsed(extCdp), plain: await heapUsed(plainCdp) };
    };
    const early = await at(CFG.heapEarlyS);
    log('heap at', CFG.heapEarlyS, 's', early);
    const late = await at(CFG.heapLateS);
    log('heap at', CFG.heapLateS, 's', late);
    await extPage.evaluate('window.__bench.stop()');
    const floor = await controlDelta(html, plainCdp);
    await plainPage.evaluate('window.__bench.stop()');
    const kinds = await breakdown(extCdp, plainCdp).catch((err: unknown) => `not taken (${String(err)})`);
    const mb = (b: number) => `${(b / 1024 / 1024).toFixed(2)} MB`;
    const d = (b: number) => `${b >= 0 ? '+' : '−'}${mb(Math.abs(b))}`;
    rows.push({
      what,
      figure: `${d(early.ext - early.plain)} → ${d(late.ext - late.plain)} (growth with ${d(late.ext - early.ext)}, without ${d(late.plain - early.plain)})`,
      budget: `≤ ${BUDGET.heapDelta / MB} MB at both`,
      ok: Math.max(early.ext - early.plain, late.ext - late.plain) <= BUDGET.heapDelta,
    });
    details.push(
      `Heap (Runtime.getHeapUsage after HeapProfiler.collectGarbage ×2): with extension ${mb(early.ext)} at ${CFG.heapEarlyS} s, ${mb(late.ext)} at ${CFG.heapLateS} s; without ${mb(early.plain)}, ${mb(late.plain)}.${floor === null ? '' : ` An extension whose content script is \`void 0\` (same page, same churn) costs ${d(floor)} over the plain page: the content script's own JS context (an isolated world), the floor of this figure.`} By kind, from a heap snapshot of each page after the churn (self sizes, with − without): ${kinds}.`,
      '',
    );
    await extPage.close();
    await plainPage.close();
  } catch (err) {
    failRow(what, `≤ ${BUDGET.heapDelta / MB} MB at both`, err);
  }
}
