import { describe, expect, it } from 'vitest';
import { onInstalledAction } from '../../../src/background/first-run';

describe('onInstalledAction (runtime.onInstalled)', () => {
  it('opens the welcome page on a fresh install only', () => {
    expect(onInstalledAction({ reason: 'install' }, '0.2.0')).toEqual({ kind: 'welcome' });
  });
  it("an update opens nothing: a quiet what's-new note", () => {
    expect(onInstalledAction({ reason: 'update', previousVersion: '0.1.0' }, '0.2.0')).toEqual({
      kind: 'whats-new',
      from: '0.1.0',
      to: '0.2.0',
    });
  });
  it('a reload of the same version (chrome.runtime.reload, an unpacked reload) is not news', () => {
    expect(onInstalledAction({ reason: 'update', previousVersion: '0.2.0' }, '0.2.0')).toEqual({ kind: 'nothing' });
  });
  it('a browser update or a shared module update does nothing', () => {
    expect(onInstalledAction({ reason: 'chrome_update' }, '0.2.0')).toEqual({ kind: 'nothing' });
    expect(onInstalledAction({ reason: 'browser_update' }, '0.2.0')).toEqual({ kind: 'nothing' });
    expect(onInstalledAction({ reason: 'shared_module_update' }, '0.2.0')).toEqual({ kind: 'nothing' });
  });
});
