import { browser } from 'wxt/browser';
import { getItem, setItem } from './store';
import { WHATS_NEW_KEY, WhatsNewSchema, type WhatsNew } from '../contracts/whats-new';
import { logged } from './tabs';

// What the extension does when it is installed or updated (runtime.onInstalled): a welcome tab on a
// fresh install only; an update opens nothing and only leaves a quiet "what's new" note that the
// options page shows; a browser update or a shared module's update does nothing at all.

export interface InstalledDetails {
  reason: string;
  previousVersion?: string;
}

export type FirstRunAction = { kind: 'welcome' } | { kind: 'whats-new'; from: string; to: string } | { kind: 'nothing' };

export function onInstalledAction(d: InstalledDetails, version: string): FirstRunAction {
  if (d.reason === 'install') return { kind: 'welcome' };
  if (d.reason === 'update' && d.previousVersion && d.previousVersion !== version)
    return { kind: 'whats-new', from: d.previousVersion, to: version };
  return { kind: 'nothing' };
}

/** Registered synchronously at worker start, like the other listeners. */
export function registerFirstRun(): void {
  browser.runtime.onInstalled.addListener((details) => {
    const action = onInstalledAction(details, browser.runtime.getManifest().version);
    if (action.kind === 'welcome')
      void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') }).catch(logged('opening the welcome page'));
    if (action.kind === 'whats-new')
      void setItem(`local:${WHATS_NEW_KEY}`, { from: action.from, to: action.to }).catch(logged('noting what is new'));
  });
}

/** The note an update left, validated on read (anything else is no note). */
export async function readWhatsNew(): Promise<WhatsNew | null> {
  const parsed = WhatsNewSchema.safeParse(await getItem(`local:${WHATS_NEW_KEY}`));
  return parsed.success ? parsed.data : null;
}
