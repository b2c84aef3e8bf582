import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Messages = Record<string, { message: string; description?: string }>;

/**
 * Merges every `locales/<lang>/*.json` into one messages.json per language (the browser's
 * `_locales/<lang>/messages.json`). Two files defining the same key is an error.
 */
export function mergeLocales(root: string): Record<string, Messages> {
  const out: Record<string, Messages> = {};
  const dir = join(root, 'locales');
  for (const lang of readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()) {
    const merged: Messages = {};
    for (const file of readdirSync(join(dir, lang))
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const data = JSON.parse(readFileSync(join(dir, lang, file), 'utf8')) as Messages;
      for (const [key, value] of Object.entries(data)) {
        if (key in merged) throw new Error(`locales/${lang}/${file}: key "${key}" is defined twice`);
        if (!/^[a-z0-9_]+$/i.test(key)) throw new Error(`locales/${lang}/${file}: bad key "${key}"`);
        merged[key] = value;
      }
    }
    out[lang] = merged;
  }
  return out;
}
