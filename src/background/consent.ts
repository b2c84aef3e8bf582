import { browser } from 'wxt/browser';
import { EXTERNAL_CHECK_ORIGINS } from '../checks/external-origins';
import { mirrorExternalChecks } from './settings';

// Consent to the outside checks IS the browser's permission for their origins. The stored
// `externalChecksAllowed` setting only mirrors it: recomputed at start-up and on every
// permissions.onAdded / onRemoved (a grant made while the popup was closed by the prompt, or a
// revocation in the browser's extension settings, included). No message can switch it on: the
// popup asks the browser (permissions.request, from the click) and then only asks the background
// to look again. The check run itself asks permissions.contains before each outside probe.

/** Whether the browser currently grants every outside-check origin. */
export async function externalChecksGranted(): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: EXTERNAL_CHECK_ORIGINS });
  } catch {
    return false;
  }
}

/** Records what the browser grants now (the background's own answer, whatever a page says). */
export async function syncExternalChecksSetting(): Promise<boolean> {
  const granted = await externalChecksGranted();
  await mirrorExternalChecks(granted);
  return granted;
}

/** Registered synchronously at the top level of the background. */
export function registerConsentMirror(): void {
  const sync = () =>
    void syncExternalChecksSetting().catch((err) => console.warn('[dm-doctor] could not record the permission state', err));
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  sync();
}
