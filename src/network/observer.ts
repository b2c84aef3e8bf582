import { browser } from 'wxt/browser';
import { fromBeforeRedirect, fromCompleted, fromErrorOccurred, type NetEvent, type WebRequestDetails } from './evidence';
import { isInboxRoute, whereOf } from '../tiktok/routes';

// Observe-only webRequest listeners on TikTok's hosts (never blocking, never reading bodies).
// Registered synchronously at the top level of the background so every wake re-registers them.

export const TIKTOK_URL_FILTER = ['*://*.tiktok.com/*', 'wss://*.tiktok.com/*'];

export interface Navigation {
  where: string;
  onMessages: boolean;
  /** webRequest's id: a redirect keeps it, so the tab state can tell a redirect of the visit */
  requestId: string;
  at: number;
}

export interface NetworkSink {
  event(tabId: number, e: NetEvent): void;
  navigation(tabId: number, nav: Navigation): void;
  /** the background's own probe (tabId -1) failed: the browser's error name (the check runner reads it) */
  ownError(url: string, error: string): void;
  /** the background's own probe was redirected (probes do not follow redirects): where it pointed */
  ownRedirect(url: string, to: string): void;
}

export function registerNetworkObserver(sink: NetworkSink): void {
  const wr = browser.webRequest;
  const filter = { urls: TIKTOK_URL_FILTER };
  const started = new Map<string, number>();

  wr.onBeforeRequest.addListener((d) => {
    started.set(d.requestId, d.timeStamp);
    if (started.size > 500) started.delete(started.keys().next().value!);
    if (d.type !== 'main_frame' || d.tabId < 0) return undefined;
    sink.navigation(d.tabId, { where: whereOf(d.url), onMessages: isInboxRoute(d.url), requestId: d.requestId, at: d.timeStamp });
    return undefined;
  }, filter);

  const route = (d: { tabId: number; requestId: string }, e: NetEvent | null) => {
    if (e && d.tabId >= 0) sink.event(d.tabId, e);
  };
  wr.onErrorOccurred.addListener((d) => {
    if (d.tabId < 0) sink.ownError(d.url, d.error);
    route(d, fromErrorOccurred(d as unknown as WebRequestDetails, { startedAt: started.get(d.requestId) }));
    started.delete(d.requestId);
  }, filter);
  // responseHeaders (observe-only, no extra permission): a 429's Retry-After is the only honest
  // "try again at" time; nothing else in the headers is read or kept.
  wr.onCompleted.addListener(
    (d) => {
      route(d, fromCompleted(d as unknown as WebRequestDetails));
      started.delete(d.requestId);
    },
    filter,
    ['responseHeaders'],
  );
  wr.onBeforeRedirect.addListener((d) => {
    // the background's own probes (tabId -1) do not follow redirects: this is where one pointed
    if (d.tabId < 0) sink.ownRedirect(d.url, d.redirectUrl);
    route(d, fromBeforeRedirect(d as unknown as WebRequestDetails));
  }, filter);
}
