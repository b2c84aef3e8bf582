import { defineExtensionMessaging } from '@webext-core/messaging';
import type { PageReport } from './page-report';
import type { TabView } from '../state/tab-view';
import type { HintUpdate } from './hint-update';

// One typed protocol, named by direction. Every handler in the background validates its
// input with zod (src/messaging/schemas.ts): content scripts run inside TikTok's page.
export interface ProtocolMap {
  /** content → background: what the page shows now */
  contentPageReport(report: PageReport): void;
  /** background → content: the tab's latest diagnosis for the hint */
  backgroundHintUpdate(update: HintUpdate): void;
  /** popup → background: the view of one tab (null tab = pick one as DESIGN.md says) */
  popupGetView(req: { tabId: number | null; activeTabId: number | null; activeUrl: string | null }): TabView;
  /** popup → background: run the connectivity checks for a tab */
  popupRunChecks(req: { tabId: number | null }): TabView;
  /** popup → background: answer the diagnosis question */
  popupAnswer(req: { tabId: number; questionId: string; answer: boolean }): TabView;
  /** content/popup → background: settings changed */
  anySetSettings(req: { hintsEnabled?: boolean; externalChecksAllowed?: boolean }): void;
  /** content → background: the person dismissed the hint for this failure */
  contentDismiss(req: { failureId: string }): void;
}

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();
