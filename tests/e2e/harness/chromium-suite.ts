import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchChromium, type ChromiumSession, type LaunchOptions } from '../../../scripts/browsers/chromium';
import { BUILD } from '../../../scripts/browsers/paths';
import { launchWithoutExtension, type LateInstallSession } from './chromium-late-install';
import { privateBuild } from './reliability';

export { fixtureHtml, type ChromiumSession, type Handler, type Answer } from '../../../scripts/browsers/chromium';

export interface SuiteOptions extends Omit<LaunchOptions, 'extensionDir'> {
  /** the build to load (default: the production build, BUILD.chrome) */
  extensionDir?: string;
  /**
   * Load a private copy of the build made once for the file (removed after it), so a rebuild of
   * .output/ by someone else during the run cannot swap files under the browser. DMD_CHROME_BUILD
   * overrides the source folder.
   */
  privateCopy?: boolean;
  /** prefix of the artifact names saved under test-results/chromium/ when a test fails */
  artifacts?: string;
}

/**
 * For a Chromium spec file, the counterpart of `firefoxSuite`: returns a launcher of fresh-profile
 * sessions. After each test, every session the test launched saves its pages (screenshot + HTML) if
 * the test failed, then closes, whether the test closed it itself or not.
 */
export function chromiumSuite(defaults: SuiteOptions = {}): (more?: SuiteOptions) => Promise<ChromiumSession> {
  const { privateCopy, artifacts = '', ...launch } = defaults;
  let copy: ReturnType<typeof privateBuild> | undefined;
  if (privateCopy) {
    beforeAll(() => {
      copy = privateBuild(launch.extensionDir ?? BUILD.chrome, 'DMD_CHROME_BUILD');
    });
    afterAll(() => copy?.remove());
  }
  const track = closeAfterEach<ChromiumSession>(artifacts);
  return async (more = {}) => {
    const { privateCopy: _p, artifacts: _a, ...rest } = more;
    const extensionDir = rest.extensionDir ?? (copy ? copy.dir : (launch.extensionDir ?? BUILD.chrome));
    return track(await launchChromium({ ...launch, ...rest, extensionDir }));
  };
}

/**
 * `chromiumSuite` for a Chromium started WITHOUT the extension (installed later by the test, see
 * chromium-late-install.ts): same artifacts on failure and close after each test.
 */
export function lateInstallSuite({
  artifacts = '',
  extensionDir = BUILD.chrome,
}: {
  artifacts?: string;
  extensionDir?: string;
} = {}): () => Promise<LateInstallSession> {
  const track = closeAfterEach<LateInstallSession>(artifacts);
  return async () => track(await launchWithoutExtension(extensionDir));
}

/** Registers the afterEach that saves (on failure) and closes every session the test launched; returns the tracker. */
function closeAfterEach<S extends { saveArtifacts(name: string): Promise<void>; close(): Promise<void> }>(artifacts: string): (s: S) => S {
  const open: S[] = [];
  afterEach(async (ctx) => {
    const sessions = open.splice(0);
    for (const [i, s] of sessions.entries()) {
      if (ctx.task.result?.state === 'fail')
        await s.saveArtifacts(`${artifacts}${ctx.task.name}${i ? `-${i}` : ''}`).catch(() => undefined);
      await s.close();
    }
  });
  return (s) => {
    open.push(s);
    return s;
  };
}

/**
 * One session for the whole file (launched before the first test, closed after the last); a failed
 * test saves its pages. Returns a getter for the session.
 */
export function chromiumFileSession(defaults: SuiteOptions = {}): () => ChromiumSession {
  const { privateCopy, artifacts = '', ...launch } = defaults;
  let copy: ReturnType<typeof privateBuild> | undefined;
  let s: ChromiumSession | undefined;
  beforeAll(async () => {
    if (privateCopy) copy = privateBuild(launch.extensionDir ?? BUILD.chrome, 'DMD_CHROME_BUILD');
    s = await launchChromium({ ...launch, extensionDir: copy?.dir ?? launch.extensionDir ?? BUILD.chrome });
  });
  afterAll(async () => {
    await s?.close();
    copy?.remove();
  });
  afterEach(async (ctx) => {
    if (s && ctx.task.result?.state === 'fail') await s.saveArtifacts(`${artifacts}${ctx.task.name}`).catch(() => undefined);
  });
  return () => {
    if (!s) throw new Error('the Chromium session is not launched yet (use it inside a test)');
    return s;
  };
}
