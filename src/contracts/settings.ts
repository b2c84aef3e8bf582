import * as z from 'zod/mini';

// The person's settings (storage.local). `externalChecksAllowed` mirrors the browser's permission for
// the outside-check origins; no message writes it (src/checks/consent.ts).

/** Read side: a bad field falls back to its default, never throws. */
export const SettingsSchema = z.object({
  hintsEnabled: z.catch(z.boolean(), true),
  externalChecksAllowed: z.catch(z.boolean(), false),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** Exact shape: stored data that does not match it is reported once (and read with defaults). */
export const StrictSettingsSchema = z.object({ hintsEnabled: z.boolean(), externalChecksAllowed: z.boolean() });

export const DEFAULT_SETTINGS: Settings = { hintsEnabled: true, externalChecksAllowed: false };
