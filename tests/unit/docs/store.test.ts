// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../../src/i18n/langs';
import { existsSync, readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';

// docs/store/ (issue #12 item 8): every picture at the store's size, the icon with its 16 px of
// transparent padding, the listing in English and French saying it is not TikTok's. The pictures
// are made by scripts/store.ts (npm run demo / npm run store).

/** width, height and (for 8-bit RGBA, non-interlaced) the decoded pixels of a PNG */
function png(path: string): { width: number; height: number; alpha?: (x: number, y: number) => number } {
  const buf = readFileSync(path);
  expect(buf.subarray(1, 4).toString('latin1'), path).toBe('PNG');
  const width = buf.readUInt32BE(16);
  const height = buf.readUInt32BE(20);
  const [depth, colour, , , interlace] = buf.subarray(24, 29);
  if (depth !== 8 || colour !== 6 || interlace !== 0) return { width, height };
  const idat: Buffer[] = [];
  for (let at = 8; at < buf.length; ) {
    const len = buf.readUInt32BE(at);
    if (buf.subarray(at + 4, at + 8).toString('latin1') === 'IDAT') idat.push(buf.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const px = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let i = 0; i < stride; i++) {
      const x = raw[y * (stride + 1) + 1 + i]!;
      const a = i >= 4 ? px[y * stride + i - 4]! : 0;
      const b = y > 0 ? px[(y - 1) * stride + i]! : 0;
      const c = i >= 4 && y > 0 ? px[(y - 1) * stride + i - 4]! : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      px[y * stride + i] = (x + [0, a, b, (a + b) >> 1, paeth][filter]!) & 0xff;
    }
  }
  return { width, height, alpha: (x, y) => px[y * stride + x * 4 + 3]! };
}

describe('docs/store', () => {
  it('screenshots 1280×800 in English and French, the 440×280 tile', () => {
    for (const name of ['screenshot-1-hint', 'screenshot-2-popup']) {
      for (const lang of ['en', 'fr'])
        expect(png(`docs/store/${name}-${lang}.png`), `${name}-${lang}`).toMatchObject({ width: 1280, height: 800 });
    }
    expect(png('docs/store/tile-440x280.png')).toMatchObject({ width: 440, height: 280 });
  });

  it('the icon: 128×128, its outer 16 px transparent, the art inside opaque', () => {
    const icon = png('docs/store/icon-128.png');
    expect(icon).toMatchObject({ width: 128, height: 128 });
    expect(icon.alpha, 'an 8-bit RGBA PNG').toBeDefined();
    let border = 0;
    for (let y = 0; y < 128; y++)
      for (let x = 0; x < 128; x++) if ((x < 16 || x >= 112 || y < 16 || y >= 112) && icon.alpha!(x, y) !== 0) border++;
    expect(border, 'opaque pixels in the 16 px padding').toBe(0);
    expect(icon.alpha!(64, 64)).toBeGreaterThan(0);
  });

  it('the welcome page pictures of the hint exist in both languages', () => {
    for (const lang of ['en', 'fr']) expect(png(`public/welcome/hint-${lang}.png`)).toMatchObject({ width: 640, height: 360 });
  });

  it('listing text in English and French, permission justifications, "not affiliated with TikTok"', () => {
    const en = readFileSync('docs/store/listing.en.md', 'utf8');
    const fr = readFileSync('docs/store/listing.fr.md', 'utf8');
    expect(en).toMatch(/not affiliated with.*TikTok/);
    expect(fr).toMatch(/n’est ni affilié à TikTok/);
    for (const text of [en, fr]) {
      const summary = /^\*\*(?:Summary|Résumé)\*\*[^:]*:\s*(.+)$/m.exec(text)?.[1] ?? '';
      expect(summary.length).toBeGreaterThan(40);
      expect(summary.length).toBeLessThanOrEqual(132);
    }
    const perms = readFileSync('docs/store/permissions.md', 'utf8');
    const manifest = readFileSync('wxt.config.ts', 'utf8');
    for (const p of ['storage', 'webRequest', '*://*.tiktok.com/*', 'wss://*.tiktok.com/*']) {
      expect(manifest).toContain(`'${p}'`);
      expect(perms).toContain(`\`${p}\``);
    }
    expect(perms).toMatch(/not affiliated with/);
    expect(existsSync('docs/store/README.md')).toBe(true);
  });

  it("a listing in every language the extension speaks, its summary within the stores' 132 characters", () => {
    for (const lang of LANGS) {
      const text = readFileSync(`docs/store/listing.${lang}.md`, 'utf8');
      const summary = /^\*\*[^*]+\*\*[^:]*:\s*(.+)$/m.exec(text.split('\n').slice(4).join('\n'))?.[1] ?? '';
      expect(summary.length, lang).toBeGreaterThan(40);
      expect([...summary].length, lang).toBeLessThanOrEqual(132);
      expect(text, lang).toContain('TikTok');
      expect(text, lang).toContain('https://github.com/dm-doctor/dm-doctor/blob/main/PRIVACY.md');
    }
  });
});
