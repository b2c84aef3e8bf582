import { anyOf, ROW_TIME } from './selectors';

// A failure's identity, stable when TikTok re-renders the same bubble, without keeping message
// text: FNV-1a over a per-page random salt, the conversation and the row's shape (text length, the
// time label TikTok prints, whether it is the person's own). The salt never leaves memory, so the id
// cannot be matched against a guessed text anywhere else.
const TIME = anyOf(ROW_TIME);
const salt = Math.random().toString(36).slice(2);

export function fnv1a(input: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < input.length; i++) {
    h ^= input.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

export function failureId(conversation: string, row: Element): string {
  const len = row.textContent?.length ?? 0;
  const time = row.querySelector(TIME)?.textContent?.trim().slice(0, 20) ?? '';
  return fnv1a(`${salt}|${conversation}|${len}|${time}`);
}
