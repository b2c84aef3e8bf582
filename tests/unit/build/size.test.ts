import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUDGET } from '../../../scripts/bench/budgets';
import { entrySizes } from '../../../scripts/bench/sizes';

// Sizes are deterministic, so they are checked on every build (timings stay in the bench).
// Needs the production builds (`npm run build`, which `npm test` runs first).

for (const dir of ['chrome-mv3', 'firefox-mv2']) {
  describe(`size budget: ${dir}`, () => {
    const path = resolve('.output', dir);
    it('content script and background stay within their gzipped budgets', () => {
      expect(existsSync(path), `${path}: run "npm run build" first`).toBe(true);
      const sizes = entrySizes(path);
      const total = (role: string) => sizes.filter((s) => s.role === role).reduce((a, s) => a + s.gzip, 0);
      expect(total('content script')).toBeGreaterThan(1000);
      expect(total('content script'), 'content script, gzipped').toBeLessThanOrEqual(BUDGET.contentGzip);
      expect(total('background'), 'background, gzipped').toBeLessThanOrEqual(BUDGET.backgroundGzip);
    });
  });
}
