import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

// Where a bundle's gzipped bytes go, by source module: the size budgets' profile.
// The bench builds Chromium's package again with hidden source maps (DMD_SIZE_PROFILE=1 in
// wxt.config.ts: same code, same bytes, written to .output/size-profile) and attributes every byte of
// the minified file to the module its source map names. Used only when the profile build's bundle is
// byte-for-byte the measured one; otherwise it says so and shows nothing.

export interface ModuleSize {
  module: string;
  part: string;
  /** minified bytes of this module in the bundle */
  raw: number;
  /** what gzip -9 of the bundle shrinks by when this module's bytes are taken out */
  saved: number;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** One source-map segment's fields (base64 VLQ, relative values as in the file). */
export function decodeVlq(segment: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = B64.indexOf(ch);
    if (digit < 0) throw new Error(`not base64 VLQ: ${segment}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    out.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return out;
}

/** A segment of a generated line: where it starts, its source (-1: none) and that source's 0-based line. */
interface Segment {
  col: number;
  source: number;
  line: number;
}

/** A source map's mappings, decoded: the segments of each generated line (the fields are relative in the file). */
function decodeMappings(mappings: string): Segment[][] {
  let source = 0;
  let srcLine = 0;
  return mappings.split(';').map((lineMap) => {
    let col = 0;
    return (lineMap ? lineMap.split(',') : []).map((seg) => {
      const f = decodeVlq(seg);
      col += f[0] ?? 0;
      if (f.length < 4) return { col, source: -1, line: -1 };
      source += f[1] ?? 0;
      srcLine += f[2] ?? 0;
      return { col, source, line: srcLine };
    });
  });
}

/** A map's source paths as the reports name them (`src/…`, `node_modules/<package>/…`). */
const moduleNames = (sources: string[]) => sources.map((s) => s.replace(/^(\.\.\/)+/, '').replace(/^.*node_modules\//, 'node_modules/'));

/**
 * For each generated line, the spans [start, end) and the source index each belongs to (-1: no
 * source). A segment runs to the next segment on its line, or to the line's end.
 */
export function spansOf(code: string, mappings: string): { line: number; start: number; end: number; source: number }[] {
  const lines = code.split('\n');
  const spans: { line: number; start: number; end: number; source: number }[] = [];
  for (const [line, segs] of decodeMappings(mappings).entries()) {
    const len = lines[line]?.length ?? 0;
    if (segs.length && segs[0]!.col > 0) spans.push({ line, start: 0, end: segs[0]!.col, source: -1 });
    for (const [i, s] of segs.entries()) spans.push({ line, start: s.col, end: segs[i + 1]?.col ?? len, source: s.source });
  }
  return spans;
}

/** The part of the content script a module belongs to (the groups PERFORMANCE.md talks about). */
export function contentPartOf(module: string): string {
  if (/src\/content\/hint/.test(module)) return "the hint's UI";
  if (/src\/page\/(notice-texts|selectors)\./.test(module)) return "TikTok's sentences and selectors";
  if (/src\/(content\/watcher|page\/row-index)\./.test(module)) return 'observation core (watcher, row index)';
  if (/src\/(page|diagnosis)\//.test(module)) return 'page reading (and the page-only answer)';
  if (/node_modules\//.test(module)) return 'libraries';
  return 'entry, life, protocol, redactor, routes, i18n';
}

/** A module's folder (src/<folder>) or library (zod, wxt…): the background's parts. */
export function folderOf(module: string): string {
  const lib = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(module);
  if (lib) return lib[1]!;
  const dir = /^(src\/[^/]+|entrypoints)\//.exec(module);
  return dir ? dir[1]! : "other (the bundler's glue)";
}

export interface SizeProfile {
  /** gzip -9 of the whole file */
  whole: number;
  modules: ModuleSize[];
  /** the same per part: all of a part's modules taken out together */
  parts: { part: string; modules: number; raw: number; saved: number }[];
  /** the fewest parts (then the least code) whose removal together saves at least `bytes` of gzip, or null */
  cut(bytes: number): { parts: string[]; saved: number } | null;
}

/** Bytes per module (and per part) of one minified file with its source map. */
export function moduleSizes(code: string, map: { sources: string[]; mappings: string }, partOf: (module: string) => string): SizeProfile {
  const spans = spansOf(code, map.mappings);
  const lines = code.split('\n');
  const names = moduleNames(map.sources);
  const nameOf = (source: number) => (source < 0 ? "(no source: the bundler's glue)" : (names[source] ?? `#${source}`));
  const whole = gzipSync(code, { level: 9 }).length;
  /** raw bytes of the spans `take` selects, and what gzip saves without them */
  const without = (take: (source: number) => boolean) => {
    const cut = lines.map((l) => [...l]);
    let raw = 0;
    for (const s of spans) {
      if (!take(s.source)) continue;
      raw += s.end - s.start;
      for (let i = s.start; i < s.end; i++) cut[s.line]![i] = '';
    }
    return { raw, saved: whole - gzipSync(cut.map((l) => l.join('')).join('\n'), { level: 9 }).length };
  };
  const sources = [...new Set(spans.map((s) => s.source))];
  const modules = sources
    .map((source) => ({ module: nameOf(source), part: partOf(nameOf(source)), ...without((x) => x === source) }))
    .sort((a, b) => b.saved - a.saved);
  const parts = [...new Set(modules.map((m) => m.part))]
    .map((part) => ({
      part,
      modules: modules.filter((m) => m.part === part).length,
      ...without((x) => partOf(nameOf(x)) === part),
    }))
    .sort((a, b) => b.saved - a.saved);
  const cut = (bytes: number) => {
    let best: { parts: string[]; saved: number; raw: number } | null = null;
    for (let mask = 1; mask < 1 << parts.length; mask++) {
      const chosen = parts.filter((_, i) => mask & (1 << i)).map((p) => p.part);
      if (best && chosen.length > best.parts.length) continue;
      const r = without((x) => chosen.includes(partOf(nameOf(x))));
      if (r.saved < bytes) continue;
      if (!best || chosen.length < best.parts.length || r.raw < best.raw) best = { parts: chosen, ...r };
    }
    return best && { parts: best.parts, saved: best.saved };
  };
  return { whole, modules, parts, cut };
}

/**
 * Where a position of the minified file comes from: `src/x.ts:12` (1-based line), or null. A V8
 * profile names a function by where it starts (0-based line and column), which is what this takes.
 */
export function sourceLocator(map: { sources: string[]; mappings: string }): (line: number, column: number) => string | null {
  const names = moduleNames(map.sources);
  const byLine = decodeMappings(map.mappings).map((segs) => segs.filter((s) => s.source >= 0));
  return (line, column) => {
    let hit: { source: number; line: number } | null = null;
    for (const s of byLine[line] ?? []) {
      if (s.col > column) break;
      hit = s;
    }
    return hit && names[hit.source] ? `${names[hit.source]}:${hit.line + 1}` : null;
  };
}

/** Builds Chromium's package again with hidden source maps; its folder, or why there is none. */
let built: { dir: string } | { none: string } | null = null;
export function profileBuild(): { dir: string } | { none: string } {
  built ??= buildProfile();
  return built;
}
function buildProfile(): { dir: string } | { none: string } {
  const wxt = resolve('node_modules/.bin/wxt');
  const r = spawnSync(wxt, ['build'], { env: { ...process.env, DMD_SIZE_PROFILE: '1' }, encoding: 'utf8' });
  if (r.status !== 0) return { none: `the profile build failed (${(r.stderr || r.stdout).trim().split('\n').pop()})` };
  return { dir: resolve('.output/size-profile/chrome-mv3') };
}

/** The source map of `file` in the profile build, when its copy is byte for byte the measured one. */
export function sameBytesMap(buildDir: string, profileDir: string, file: string): { sources: string[]; mappings: string } | null {
  const copy = join(profileDir, file);
  if (!existsSync(copy) || !existsSync(`${copy}.map`) || !existsSync(join(buildDir, file))) return null;
  if (readFileSync(copy, 'utf8') !== readFileSync(join(buildDir, file), 'utf8')) return null;
  return JSON.parse(readFileSync(`${copy}.map`, 'utf8'));
}

/** The profile of `file`, when the profile build's copy is byte for byte the measured one. */
export function profileOf(
  buildDir: string,
  profileDir: string,
  file: string,
  partOf: (module: string) => string,
): SizeProfile | { none: string } {
  const copy = join(profileDir, file);
  if (!existsSync(copy) || !existsSync(`${copy}.map`)) return { none: `the profile build has no ${file} with a source map` };
  const code = readFileSync(copy, 'utf8');
  if (code !== readFileSync(join(buildDir, file), 'utf8'))
    return { none: `the measured ${file} is not what this checkout builds (rebuild, then run the bench again)` };
  return moduleSizes(code, JSON.parse(readFileSync(`${copy}.map`, 'utf8')), partOf);
}
