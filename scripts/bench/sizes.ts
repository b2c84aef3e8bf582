import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

// Entrypoint files of the built extension, found from the manifest (content scripts, background,
// the popup's scripts and styles) plus the chunks they import statically.

export interface SizeRow {
  role: 'content script' | 'background' | 'popup';
  file: string;
  raw: number;
  gzip: number;
}

export function entrySizes(dir: string): SizeRow[] {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const out: SizeRow[] = [];
  const seen = new Set<string>();
  const add = (role: SizeRow['role'], file: string) => {
    const rel = file.replace(/^\//, '');
    if (seen.has(rel) || !existsSync(join(dir, rel))) return;
    seen.add(rel);
    const buf = readFileSync(join(dir, rel));
    out.push({ role, file: rel, raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length });
    if (rel.endsWith('.js')) {
      // static imports of other chunks (Vite: import{…}from"./x.js" / "/chunks/x.js")
      const text = buf.toString('utf8');
      for (const m of text.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)) {
        const spec = m[1]!;
        add(role, spec.startsWith('/') ? spec : posix.join(posix.dirname(rel), spec));
      }
    }
  };
  for (const cs of manifest.content_scripts ?? []) for (const js of cs.js ?? []) add('content script', js);
  for (const cs of manifest.content_scripts ?? []) for (const css of cs.css ?? []) add('content script', css);
  const bg = manifest.background?.service_worker ?? manifest.background?.scripts?.[0];
  if (bg) add('background', bg);
  const popup = manifest.action?.default_popup ?? manifest.browser_action?.default_popup;
  if (popup) {
    const html = readFileSync(join(dir, popup), 'utf8');
    for (const m of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) add('popup', m[1]!);
    for (const m of html.matchAll(/<link[^>]*\shref="([^"]+\.(?:css|js))"/g)) add('popup', m[1]!);
  }
  return out;
}
