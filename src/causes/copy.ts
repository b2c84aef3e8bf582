import type { CauseId } from '../contracts/cause-ids';
import { t } from '../i18n/i18n';
import { messageKeys, type CauseContext } from './catalogue';

type Ctx = Pick<CauseContext, 'browser' | 'handle'>;
const ANY: Ctx = { browser: 'chrome', handle: null };

/** A cause's words, from the locale files (keys: src/causes/catalogue.ts). */
export const causeTitle = (id: CauseId) => t(messageKeys(id, ANY).title);
export const causeWhy = (id: CauseId) => t(messageKeys(id, ANY).why);
export const causeActionLabel = (id: CauseId, ctx: Ctx) => t(messageKeys(id, ctx).action);
export const causeSteps = (id: CauseId, ctx: Ctx) => messageKeys(id, ctx).steps.map((k) => t(k));
