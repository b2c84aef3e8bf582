import type { CauseId } from '../contracts/cause-ids';
import type { HintWords } from '../contracts/hint-update';
import { t } from '../i18n/i18n';
import { msgKey } from '../i18n/keys';

/**
 * Which of a cause's messages the hint shows (names after the cause's `cause_<id>_` prefix; its title
 * and why are always `title` and `why`), and the fix link (https only). Built by ./hint-plan.ts.
 */
export interface HintPlan {
  steps: string[];
  fix: { label: string; href: string; profileLabel?: string } | null;
}

/** The message that carries a cause's plan in each `_locales/<lang>/messages.json` (written at build time). */
export const hintPlanKey = (id: CauseId): string => msgKey('cause', id, 'hint');

/** The words of a cause's plan, in the extension's language. */
export function wordsOf(id: CauseId, plan: HintPlan): HintWords {
  const w = (name: string) => t(msgKey('cause', id, name));
  const fix = plan.fix;
  return {
    title: w('title'),
    why: w('why'),
    steps: plan.steps.map(w),
    fix: fix ? { label: w(fix.label), href: fix.href, ...(fix.profileLabel ? { profileLabel: w(fix.profileLabel) } : {}) } : null,
  };
}

const isName = (x: unknown): x is string => typeof x === 'string' && /^[a-z0-9_]+$/.test(x);

function isPlan(x: unknown): x is HintPlan {
  if (typeof x !== 'object' || x === null) return false;
  const p = x as Partial<Record<keyof HintPlan, unknown>>;
  const f = p.fix as Record<string, unknown> | null | undefined;
  return (
    Array.isArray(p.steps) &&
    p.steps.every(isName) &&
    (f === null ||
      (typeof f === 'object' &&
        isName(f.label) &&
        typeof f.href === 'string' &&
        f.href.startsWith('https://') &&
        (f.profileLabel === undefined || isName(f.profileLabel))))
  );
}

/**
 * The hint's words for a cause, from the plan packaged with the extension's messages. Null when the
 * plan is missing or not a plan (a damaged package): the hint then keeps the page's own words and
 * offers no link, rather than guess one.
 */
export function packagedHintWords(id: CauseId): HintWords | null {
  try {
    const plan: unknown = JSON.parse(t(hintPlanKey(id)));
    return isPlan(plan) ? wordsOf(id, plan) : null;
  } catch {
    return null;
  }
}
