import type { CauseId } from '../contracts/cause-ids';
import type { HintWords } from '../contracts/hint-update';
import { CATALOGUE, fixAction } from './catalogue';
import { causeActionLabel, causeSteps, causeTitle, causeWhy } from './copy';
import type { Browser, Lang } from './urls';

/** The hint's words for a cause (src/contracts/hint-update.ts), from the catalogue and the locale files. */
export function hintWords(id: CauseId, browser: Browser, lang: Lang): HintWords {
  const ctx = { lang, browser, handle: null };
  // the label for "with a handle" (any handle picks it; the real one never leaves the page)
  const withHandle = { browser, handle: 'a' };
  const action = fixAction(id, ctx);
  const https = action.kind === 'open-url' && /^https:/.test(action.href) ? action.href : null;
  return {
    title: causeTitle(id),
    why: causeWhy(id),
    steps: causeSteps(id, ctx),
    fix: https
      ? {
          label: causeActionLabel(id, ctx),
          href: https,
          ...(CATALOGUE[id].needsHandle ? { profileLabel: causeActionLabel(id, withHandle) } : {}),
        }
      : null,
  };
}
