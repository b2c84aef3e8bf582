import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Test-only helpers: parse a saved TikTok page into a Document.
export const FIXTURE_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures');

export function fixtureHtml(file: string): string {
  return readFileSync(join(FIXTURE_DIR, file), 'utf8');
}

export function loadFixture(file: string): Document {
  return parseHtml(fixtureHtml(file));
}

export function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}
