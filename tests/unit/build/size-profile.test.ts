import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentPartOf, decodeVlq, folderOf, moduleSizes, profileOf, sourceLocator, spansOf } from '../../../scripts/bench/size-profile';

// The bench's size profile (where a bundle's gzipped bytes go, by module): the source-map reading
// and the attribution, on hand-made maps.

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function vlq(n: number): string {
  let v = n < 0 ? (-n << 1) | 1 : n << 1;
  let out = '';
  do {
    let digit = v & 31;
    v >>>= 5;
    if (v) digit |= 32;
    out += B64[digit];
  } while (v);
  return out;
}
/** mappings for one line: [column, source or -1] in order (relative encoding as in real maps) */
function line(segs: [number, number][], state = { source: 0 }): string {
  let col = 0;
  return segs
    .map(([c, s]) => {
      const f = [vlq(c - col)];
      col = c;
      if (s >= 0) {
        f.push(vlq(s - state.source), 'A', 'A');
        state.source = s;
      }
      return f.join('');
    })
    .join(',');
}
const noise = (n: number) => randomBytes(n).toString('base64').slice(0, n);

describe('size profile', () => {
  it('decodes base64 VLQ fields, signs and continuations', () => {
    expect(decodeVlq('AAAA')).toEqual([0, 0, 0, 0]);
    expect(decodeVlq('CAAC')).toEqual([1, 0, 0, 1]);
    expect(decodeVlq('D')).toEqual([-1]);
    expect(decodeVlq('gBAAA')).toEqual([16, 0, 0, 0]);
    expect(decodeVlq(vlq(123456))).toEqual([123456]);
    expect(decodeVlq(vlq(-987))).toEqual([-987]);
    expect(() => decodeVlq('A!')).toThrow(/not base64 VLQ/);
  });

  it('gives every byte of a line to the segment it starts in, up to the next segment or the line end', () => {
    const code = 'xx' + 'a'.repeat(10) + 'b'.repeat(5) + '\n' + 'c'.repeat(7);
    const state = { source: 0 };
    const mappings = [
      line(
        [
          [2, 0],
          [12, 1],
        ],
        state,
      ),
      line([[0, 0]], state),
    ].join(';');
    expect(spansOf(code, mappings)).toEqual([
      { line: 0, start: 0, end: 2, source: -1 },
      { line: 0, start: 2, end: 12, source: 0 },
      { line: 0, start: 12, end: 17, source: 1 },
      { line: 1, start: 0, end: 7, source: 0 },
    ]);
  });

  it("counts each module's minified bytes exactly and what gzip saves without it", () => {
    // module a: 2,000 incompressible bytes; module b: 2,000 bytes of one repeated letter; glue: 10 bytes
    const a = noise(2000);
    const b = 'z'.repeat(2000);
    const code = `${a}${b}glue;glue;`;
    const mappings = line([
      [0, 0],
      [2000, 1],
      [4000, -1],
    ]);
    const p = moduleSizes(code, { sources: ['../../src/page/a.ts', '../../src/content/hint-b.ts'], mappings }, contentPartOf);
    const by = Object.fromEntries(p.modules.map((m) => [m.module, m]));
    expect(by['src/page/a.ts']?.raw).toBe(2000);
    expect(by['src/content/hint-b.ts']?.raw).toBe(2000);
    expect(by["(no source: the bundler's glue)"]?.raw).toBe(10);
    // incompressible bytes cost about their size in gzip; a repeated letter almost nothing
    expect(by['src/page/a.ts']!.saved).toBeGreaterThan(1400);
    expect(by['src/content/hint-b.ts']!.saved).toBeLessThan(100);
    expect(p.modules[0]?.module).toBe('src/page/a.ts');
    expect(p.parts.map((x) => x.part)).toContain("the hint's UI");
    // the fewest parts that save enough: module a's part alone saves 1,400+, both are needed for more
    expect(p.cut(1000)?.parts).toEqual(['page reading (and the page-only answer)']);
    expect(p.cut(p.whole + 1)).toBeNull();
  });

  it("names a profile's frame (where its function starts) by its source file and line", () => {
    // line 0: col 0 → a.ts line 3, col 10 → b.ts line 41; line 1: col 5 → a.ts line 8
    const seg = (col: number, source: number, line: number) => [vlq(col), vlq(source), vlq(line), 'A'].join('');
    const mappings = `${seg(0, 0, 2)},${seg(10, 1, 38)};${seg(5, -1, -33)}`;
    const at = sourceLocator({ sources: ['../../src/page/a.ts', '../../src/content/b.ts'], mappings });
    expect(at(0, 0)).toBe('src/page/a.ts:3');
    expect(at(0, 9)).toBe('src/page/a.ts:3');
    expect(at(0, 10)).toBe('src/content/b.ts:41');
    expect(at(0, 500)).toBe('src/content/b.ts:41');
    expect(at(1, 4)).toBeNull();
    expect(at(1, 5)).toBe('src/page/a.ts:8');
    expect(at(7, 0)).toBeNull();
  });

  it('groups the background by folder or library', () => {
    expect(folderOf('node_modules/zod/v4/core/schemas.js')).toBe('zod');
    expect(folderOf('node_modules/@wxt-dev/browser/src/index.mjs')).toBe('@wxt-dev/browser');
    expect(folderOf('src/diagnosis/rules.ts')).toBe('src/diagnosis');
    expect(folderOf('entrypoints/background.ts')).toBe('entrypoints');
  });

  it('shows nothing when the profile build is not the measured bundle', () => {
    const root = mkdtempSync(join(tmpdir(), 'size-profile-'));
    const measured = join(root, 'measured');
    const copy = join(root, 'copy');
    mkdirSync(measured);
    mkdirSync(copy);
    const map = JSON.stringify({ version: 3, sources: ['../../src/page/a.ts'], mappings: line([[0, 0]]) });
    writeFileSync(join(measured, 'x.js'), 'var a=1;');
    writeFileSync(join(copy, 'x.js'), 'var b=1;');
    writeFileSync(join(copy, 'x.js.map'), map);
    expect(profileOf(measured, copy, 'x.js', contentPartOf)).toEqual({
      none: 'the measured x.js is not what this checkout builds (rebuild, then run the bench again)',
    });
    writeFileSync(join(copy, 'x.js'), 'var a=1;');
    expect(profileOf(measured, copy, 'x.js', contentPartOf)).toMatchObject({ modules: [{ module: 'src/page/a.ts', raw: 8 }] });
  });
});
