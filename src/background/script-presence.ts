import { isInboxRoute } from '../tiktok/routes';

// Chrome injects content scripts only into pages loaded after the extension was installed or
// updated: an inbox tab opened before that has none, and without this check the popup would say
// "no problem" for a chat with a failed message on screen. Firefox injects into open tabs itself.

export interface TabFacts {
  /** tabs.get's url (visible for TikTok tabs thanks to the host permissions) */
  url: string | undefined;
  /** tabs.get's status: a tab still loading has not run its content script yet */
  status: string | undefined;
  /** the tab's state holds a report from a content script */
  hasReport: boolean;
}

/** Only an inbox tab that finished loading and never reported is worth asking. */
export function shouldAskTab(t: TabFacts): boolean {
  return !t.hasReport && t.status === 'complete' && t.url !== undefined && isInboxRoute(t.url);
}

export type Presence = 'present' | 'absent' | 'unknown';

const PING_TIMEOUT_MS = 1000;

/**
 * Sends `ping` to the tab's content scripts. Only the browser's own "nobody listens in this tab"
 * error means absent: a slow or odd answer is `unknown`, never a reason to cry wolf.
 */
export async function contentScriptPresence(ping: () => Promise<unknown>, timeoutMs = PING_TIMEOUT_MS): Promise<Presence> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), timeoutMs);
  });
  try {
    const answer = await Promise.race([ping(), late]);
    return answer === true ? 'present' : 'unknown';
  } catch (err) {
    // Chrome and Firefox both say "Could not establish connection. Receiving end does not exist."
    return /receiving end does not exist/i.test(String(err)) ? 'absent' : 'unknown';
  } finally {
    clearTimeout(timer);
  }
}

/** The tab is an inbox whose content script is not there: the popup offers "Reload this tab". */
export async function isNotLoaded(t: TabFacts, ping: () => Promise<unknown>): Promise<boolean> {
  return shouldAskTab(t) && (await contentScriptPresence(ping)) === 'absent';
}
