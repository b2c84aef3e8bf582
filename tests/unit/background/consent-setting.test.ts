import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { mirrorExternalChecks, readSettings, writeSettings } from '../../../src/background/settings';

// The outside-checks setting mirrors the browser's permission: the person's settings writer (what
// the anySetSettings message reaches) cannot switch it on; only the consent mirror writes it.

describe('externalChecksAllowed is a mirror, not a writable setting', () => {
  beforeEach(() => fakeBrowser.reset());

  it('writeSettings ignores externalChecksAllowed, whatever the patch says', async () => {
    await writeSettings({ hintsEnabled: false, externalChecksAllowed: true } as Parameters<typeof writeSettings>[0]);
    expect(await readSettings()).toEqual({ hintsEnabled: false, externalChecksAllowed: false });
  });

  it('mirrorExternalChecks records the permission state and keeps the hints setting', async () => {
    await writeSettings({ hintsEnabled: false });
    await mirrorExternalChecks(true);
    expect(await readSettings()).toEqual({ hintsEnabled: false, externalChecksAllowed: true });
    await mirrorExternalChecks(false);
    expect((await readSettings()).externalChecksAllowed).toBe(false);
  });
});
