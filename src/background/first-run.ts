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
  if (d.reason === 'update' && d.previousVersion && d.previousVersion !== version) return { kind: 'whats-new', from: d.previousVersion, to: version };
  return { kind: 'nothing' };
}
