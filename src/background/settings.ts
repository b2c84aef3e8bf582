import { getItem, setItem } from './store';
import { DEFAULT_SETTINGS, SettingsSchema, StrictSettingsSchema as StrictSettings, type Settings } from '../contracts/settings';

export { DEFAULT_SETTINGS, SettingsSchema, type Settings };

const item = {
  getValue: async () => (await getItem('local:settings')) ?? DEFAULT_SETTINGS,
  setValue: (value: Settings) => setItem('local:settings', value),
};

/** Stored data is validated on read: bad data becomes the defaults, reported in the console. */
export async function readSettings(): Promise<Settings> {
  const raw = await item.getValue();
  if (!StrictSettings.safeParse(raw).success) console.warn('[dm-doctor] some settings were unreadable and were reset to defaults');
  const parsed = SettingsSchema.safeParse(raw);
  if (!parsed.success) {
    console.warn('[dm-doctor] settings were unreadable, using defaults', parsed.error.issues[0]?.message);
    return { ...DEFAULT_SETTINGS };
  }
  return parsed.data;
}

/**
 * The person's own settings (hints). `externalChecksAllowed` is not writable here, whatever the
 * patch holds: it mirrors the browser's permission (src/checks/consent.ts).
 */
export async function writeSettings(patch: Partial<Pick<Settings, 'hintsEnabled'>>): Promise<Settings> {
  const next = { ...(await readSettings()) };
  if (typeof patch.hintsEnabled === 'boolean') next.hintsEnabled = patch.hintsEnabled;
  await item.setValue(next);
  return next;
}

/** Only for src/checks/consent.ts: the mirror of `permissions.contains` for the outside-check origins. */
export async function mirrorExternalChecks(granted: boolean): Promise<Settings> {
  const next = { ...(await readSettings()), externalChecksAllowed: granted };
  await item.setValue(next);
  return next;
}
