// CHANGELOG.md, packaged at build time (Vite's ?raw import), read into sections for the options
// page. Rendered as text: headings ("## 0.1.0") and bullet points ("- ..."), nothing else.
import raw from '../../../CHANGELOG.md?raw';

export interface ChangelogSection {
  title: string;
  items: string[];
}

export function parseChangelog(text: string): ChangelogSection[] {
  const out: ChangelogSection[] = [];
  for (const line of text.split('\n')) {
    const heading = /^##\s+(.+)$/.exec(line);
    if (heading?.[1]) out.push({ title: heading[1].trim(), items: [] });
    const item = /^[-*]\s+(.+)$/.exec(line);
    if (item?.[1] && out.length) out[out.length - 1]!.items.push(item[1].trim());
  }
  return out;
}

export const CHANGELOG = parseChangelog(raw);
