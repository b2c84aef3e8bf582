import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CRITICAL, GENERATION_MARKERS, INBOX_MARKERS, SELECTORS } from '../../../src/page/selectors';
import { FIXTURES } from '../../fixtures/index';
import { loadFixture } from './load-fixture';

// Refined GitHub style: every selector alternative is exercised by a saved page, and carries the
// generation it was seen in.

const source = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../../src/page/selectors.ts'), 'utf8');
const ALTERNATIVES = [...new Set([...Object.values(SELECTORS).flat(), ...Object.values(GENERATION_MARKERS).flat(), ...INBOX_MARKERS])];
const docs = FIXTURES.map((f) => ({ file: f.file, generation: f.expected.generation, doc: loadFixture(f.file) }));

/** The generation comment on the line that declares an alternative. */
function tagOf(selector: string): string | undefined {
  const literal = `'${selector}'`;
  const line = source.split('\n').find((l) => l.includes(literal));
  return line?.match(/\/\/ (dm-new|legacy|shared)\b/)?.[1];
}

describe('selectors.ts', () => {
  it('never names a hashed class', () => {
    for (const selector of ALTERNATIVES) {
      expect(selector, selector).not.toMatch(/css-[a-z0-9]+-/i);
      expect(selector, selector).not.toMatch(/\.e[a-z0-9]{5,}\d\b/); // emotion ids like .ecftnkw1
      expect(selector, selector).not.toMatch(/\.[a-z]+-[0-9a-f]{6,}/i);
    }
    expect(source).not.toMatch(/['"][^'"]*css-[a-z0-9]{5,}/i);
  });

  it('gives every alternative a generation comment', () => {
    const literals = [...source.matchAll(/^\s*'([^']+)', \/\/ (dm-new|legacy|shared)\b/gm)].map((m) => m[1]);
    for (const selector of ALTERNATIVES) {
      if (!literals.includes(selector)) continue; // spread from another list
      expect(tagOf(selector), selector).toMatch(/^(dm-new|legacy|shared)$/);
    }
    const untagged = source.split('\n').filter((l) => /^\s*'[^']*\[/.test(l) && !/\/\/ (dm-new|legacy|shared)\b/.test(l));
    expect(untagged).toEqual([]);
  });

  it('anchors every critical landmark in at least two families (test id, class, structure)', () => {
    const familyOf = (selector: string) =>
      source
        .split('\n')
        .find((l) => l.includes(`'${selector}'`))
        ?.match(/\/\/ (?:dm-new|legacy|shared), (testid|class|structure)\b/)?.[1];
    for (const selector of ALTERNATIVES) {
      if (source.includes(`'${selector}', //`)) expect(familyOf(selector), selector).toMatch(/^(testid|class|structure)$/);
    }
    for (const landmark of CRITICAL) {
      const families = new Set(SELECTORS[landmark].map(familyOf));
      expect([landmark, families.size >= 2], [...families].join(' ')).toEqual([landmark, true]);
    }
  });

  it('leaves out the guessed, never-observed test ids', () => {
    for (const guess of [
      'chat-restriction',
      'message-send-error',
      'message-send-failed',
      'message-input',
      'chat-input',
      'dm-send-btn',
      'dm-message-notification',
    ]) {
      expect(source).not.toContain(`"${guess}"`);
    }
  });

  for (const selector of ALTERNATIVES) {
    it(`is exercised by a saved page: ${selector}`, () => {
      const tag = tagOf(selector);
      const hits = docs.filter(({ doc }) => doc.querySelector(selector) !== null);
      expect(hits.length, selector).toBeGreaterThan(0);
      if (tag === 'dm-new' || tag === 'legacy') {
        expect(
          hits.some((h) => h.generation === tag),
          `${selector} in a ${tag} page`,
        ).toBe(true);
      }
    });
  }

  it('generation markers never match the other generation', () => {
    for (const { file, generation, doc } of docs) {
      const dmNew = GENERATION_MARKERS['dm-new'].some((s) => doc.querySelector(s));
      const legacy = GENERATION_MARKERS.legacy.some((s) => doc.querySelector(s));
      expect({ file, dmNew, legacy }).toEqual({ file, dmNew: generation === 'dm-new', legacy: generation === 'legacy' });
    }
  });
});
