import * as z from 'zod/mini';
import { PageReportSchema } from './page-report';

// The input of every message the background handles, validated by its router before any handler
// runs (src/background/router.ts): content scripts live inside TikTok's page, and even the popup's
// requests are checked. Only the background imports this file (the content bundle carries no zod);
// the protocol's request types are inferred from here (src/contracts/protocol.ts).

const tabId = () => z.number().check(z.int());
/** the asking popup's own window kind: it only ever sees tabs of that kind */
const incognito = z.optional(z.boolean());

export const InputSchemas = {
  contentPageReport: PageReportSchema,
  contentDismiss: z.object({ failureId: z.string().check(z.maxLength(64)) }),
  /** "Turn off hints" from the hint: no data, and it can only switch hints off */
  contentHintsOff: z.null(),
  popupGetView: z.object({
    tabId: z.nullable(tabId()),
    activeTabId: z.nullable(tabId()),
    activeUrl: z.nullable(z.string().check(z.maxLength(2048))),
    incognito,
  }),
  popupRunChecks: z.object({ tabId: z.nullable(tabId()), incognito }),
  /** questionId is checked against the diagnosis's questions where it is applied (background/tab-events.ts) */
  popupAnswer: z.object({ tabId: tabId(), questionId: z.string().check(z.maxLength(40)), answer: z.boolean(), incognito }),
  anySetSettings: z.object({ hintsEnabled: z.optional(z.boolean()), externalChecksAllowed: z.optional(z.boolean()) }),
  optionsGetWhatsNew: z.null(),
} as const;

export type InputType = keyof typeof InputSchemas;
export type Input<K extends InputType> = z.infer<(typeof InputSchemas)[K]>;
