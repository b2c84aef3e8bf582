import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

// The pages the bench serves at www.tiktok.com: a busy /foryou feed and a dm-new chat with
// thousands of rows built from tests/fixtures/dm-new-healthy.html (same markup, same classes), both
// carrying the in-page agent (agent-churn.js makes the churn, agent-hint.js probes the hint,
// agent-switch.js switches conversations).

const AGENT = ['agent-churn.js', 'agent-hint.js', 'agent-switch.js']
  .map((f) => readFileSync(new URL(`./${f}`, import.meta.url), 'utf8'))
  .join('\n');
const agentTag = `<script>${AGENT}</script>`;

export const FORYOU_URL = 'https://www.tiktok.com/foryou';
export const CHAT_URL = 'https://www.tiktok.com/messages?lang=en&u=7301948089581';
/** The same chat with 20,000 rows (scripts/bench/phases/big.ts), served at its own address. */
export const BIG_CHAT_URL = 'https://www.tiktok.com/messages?lang=en&u=7301948089581&bench=big';
/** The 5,000-row chat whose conversations the agent switches (scripts/bench/phases/switch.ts). */
export const SWITCH_CHAT_URL = 'https://www.tiktok.com/messages?lang=en&u=7301948089581&bench=switch';

export function foryouPage(items = 200): string {
  const cards = Array.from(
    { length: items },
    (_, i) =>
      `<article class="css-1x7n1-DivItemContainer"><div class="css-9f2-DivVideoWrapper"><img alt="" width="300" height="400"></div><p class="css-a1-PDesc">video ${i} #fyp</p><button class="css-b2-LikeButton"><span class="count">${i}</span></button></article>`,
  ).join('\n');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>For You | TikTok</title></head>
<body><div id="app"><nav><a href="/foryou">For You</a> <a data-e2e="nav-messages" href="/messages">Messages</a></nav>
<main id="main-content-homepage_hot"><div id="bench-feed">
${cards}
</div></main></div>
${agentTag}
</body></html>`;
}

/**
 * The healthy dm-new chat with its message list replaced by `rows` generated rows (5,000 for the
 * /messages rows, 20,000 for the big-chat rows). `inPage`: the same rows (same markup, texts and
 * order) are built by an inline script while the page parses, before the content script starts at
 * document_idle, instead of being sent as HTML: 20,000 rows are ≈ 31 MB of HTML, which takes twice
 * as long to route and parse as to clone.
 */
export function chatPage(rows = 5000, { inPage = false } = {}): string {
  const html = readFileSync(resolve('tests/fixtures/dm-new-healthy.html'), 'utf8');
  const open = html.match(/<div data-e2e="dm-new-message-list"[^>]*>/);
  const bottom = html.indexOf('<div data-e2e="dm-new-chat-bottom"');
  if (!open || open.index === undefined || bottom < 0) throw new Error('dm-new-healthy.html changed: no message list / chat bottom found');
  const listStart = open.index + open[0].length;
  const listEnd = html.lastIndexOf('</div>', bottom); // the list's closing tag
  const items = html
    .slice(listStart, listEnd)
    .split(/(?=<div data-index=")/)
    .map((s) => s.trim())
    .filter((s) => s.startsWith('<div data-index='));
  const rowItems = items.filter(
    (s) => s.includes('data-e2e="dm-new-chat-item"') && !/<svg[^>]*style=/.test(s.split('data-e2e="dm-warning"')[1] ?? ''),
  );
  const own = rowItems.find((s) => s.includes('css-lc7lvc') && !s.includes('DivReactionBadge'));
  const friend = rowItems.find((s) => s.includes('css-1fi8jne') && s.includes('DivReactionBadge'));
  if (!own || !friend) throw new Error('dm-new-healthy.html changed: no own / friend row template found');
  const withText = (tpl: string, i: number, text: string) =>
    tpl.replace(/data-index="\d+"/, `data-index="${i}"`).replace(/(<p class="[^"]*PText[^"]*">)[\s\S]*?(<\/p>)/, `$1${text}$2`);
  const time = items[0]?.includes('DivTimeContainer') ? items[0] : '';
  const out: string[] = [time];
  for (let i = 1; i <= (inPage ? 0 : rows); i++) {
    const mine = i % 3 === 0;
    out.push(withText(mine ? own : friend, i, `${mine ? 'my' : 'their'} message number ${i} about plans for the weekend`));
  }
  const templates =
    `<template id="bench-row-template">${withText(friend, 0, 'older message')}</template>` +
    `<template id="bench-own-template">${withText(own, 0, 'own message')}</template>`;
  const page = `${html.slice(0, listStart)}\n${out.join('\n')}\n${html.slice(listEnd)}`;
  return page.replace('</body>', `${templates}\n${inPage ? growTag(rows) : ''}${agentTag}\n</body>`);
}

/** Appends rows 1…`rows` to the message list as chatPage() would have written them. */
function growTag(rows: number): string {
  return `<script>(() => {
  const list = document.querySelector('[data-e2e="dm-new-message-list"]');
  const friend = document.getElementById('bench-row-template').content.firstElementChild;
  const own = document.getElementById('bench-own-template').content.firstElementChild;
  const frag = document.createDocumentFragment();
  for (let i = 1; i <= ${rows}; i++) {
    const mine = i % 3 === 0;
    const row = (mine ? own : friend).cloneNode(true);
    row.setAttribute('data-index', String(i));
    row.querySelector('[class*="PText"]').textContent = (mine ? 'my' : 'their') + ' message number ' + i + ' about plans for the weekend';
    frag.append(row, '\\n');
  }
  list.append(frag);
})();</script>
`;
}
