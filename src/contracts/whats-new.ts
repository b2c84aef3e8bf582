import * as z from 'zod/mini';

// The quiet "what's new" note an update leaves in storage.local (written by the background on
// runtime.onInstalled, shown by the options page through optionsGetWhatsNew). Versions only:
// nothing about the person.
export const WHATS_NEW_KEY = 'whatsNew';
export const WhatsNewSchema = z.object({ from: z.string().check(z.maxLength(32)), to: z.string().check(z.maxLength(32)) });
export type WhatsNew = z.infer<typeof WhatsNewSchema>;
