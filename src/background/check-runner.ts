import { browser } from 'wxt/browser';
import { getItem, setItem } from './store';
import { createCheckRunner, type RunDeps } from '../checks/run';
import { probeDoh, probeHttp, probePortal, probePortalViaTikTok } from '../checks/probes';
import { forgetOwn, ownErrorFor, ownRedirectFor } from '../checks/own-requests';
import type { CheckResult } from '../contracts/checks';

/** The background's runner: real probes, session storage, the browser's permissions. */
const runner = createCheckRunner({
  now: () => Date.now(),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  newId: () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`,
  loadLast: () => getItem('session:checks-last'),
  saveLast: (run) => setItem('session:checks-last', run),
  mayContact: (origin) => browser.permissions.contains({ origins: [origin] }).catch(() => false),
  probes: {
    http: (url) => probeHttp(url),
    doh: (url) => probeDoh(url),
    portal: (url) => probePortal(url),
    portalViaTikTok: (url, target) => probePortalViaTikTok(url, target),
  },
  online: () => navigator.onLine,
  userAgent: () => navigator.userAgent,
  ownErrorFor,
  ownRedirectFor,
  forgetOwn,
});

export const runChecksForTab = (tabId: number, deps: RunDeps): Promise<CheckResult[]> => runner.request(tabId, deps);
export const isRunning = (tabId: number): boolean => runner.isRunning(tabId);
