import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The built extension folders the browser tests load. */
export const BUILD = {
  chrome: resolve('.output/chrome-mv3'),
  chromeE2e: resolve('.output/chrome-mv3-e2e'),
  firefox: resolve('.output/firefox-mv2'),
  firefoxE2e: resolve('.output/firefox-mv2-e2e'),
};

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(`Chromium not found at ${path}: install it with "apt-get install -y chromium chromium-l10n" or set CHROMIUM_PATH`);
  }
  return path;
}

export function requireBuild(dir: string): string {
  if (!existsSync(resolve(dir, 'manifest.json'))) {
    throw new Error(`No extension build in ${dir}: run "npm run build" (and "npm run build:e2e" for the test build) first`);
  }
  return dir;
}
