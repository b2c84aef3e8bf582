import type { CauseId } from '../contracts/cause-ids';
import { CATALOGUE, causeKeyPrefix, fixAction, messageKeys } from './catalogue';
import type { HintPlan } from './hint-words';
import type { Browser, Lang } from './urls';

/**
 * Which of a cause's messages the hint shows, and its fix link, from the catalogue. Run at build
 * time: wxt.config.ts writes one per cause into each `_locales/<lang>/messages.json` (as
 * `hintPlanKey(id)`), so the catalogue and the link table stay out of the background's bundle; the
 * background reads it back with `packagedHintWords` (./hint-words.ts).
 */
export function hintPlan(id: CauseId, browser: Browser, lang: Lang): HintPlan {
  const ctx = { lang, browser, handle: null };
  const prefix = causeKeyPrefix(id);
  const rel = (key: string) => {
    if (!key.startsWith(prefix)) throw new Error(`${key} is not one of ${id}'s messages`);
    return key.slice(prefix.length);
  };
  const keys = messageKeys(id, ctx);
  const action = fixAction(id, ctx);
  const https = action.kind === 'open-url' && /^https:/.test(action.href) ? action.href : null;
  return {
    steps: keys.steps.map(rel),
    fix: https
      ? {
          label: rel(keys.action),
          href: https,
          // the label for "with a handle" (any handle picks it; the real one never leaves the page)
          ...(CATALOGUE[id].needsHandle ? { profileLabel: rel(messageKeys(id, { browser, handle: 'a' }).action) } : {}),
        }
      : null,
  };
}
