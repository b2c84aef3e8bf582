import { applyAnswer, applyPageReport } from './tab-events';
import { isTikTokUrl, pickTab, senderIncognito, visibleTab } from './tab-access';
import { writeSettings } from './settings';
import { syncExternalChecksSetting } from './consent';
import { change, pushAll, startChecks, view, viewOfPick } from './tabs';
import { readWhatsNew } from './first-run';
import type { Handlers } from './router';

// What each message does, once the router has checked its sender and parsed its data. Popup
// messages name the popup's window kind; a tab of the other kind is answered as no tab at all.

export const handlers: Handlers = {
  async contentPageReport(report, sender) {
    const tabId = sender.tab?.id;
    if (tabId == null) return;
    await change(tabId, (s) => applyPageReport(s, { ...report, topFrame: report.topFrame && sender.frameId === 0 }, Date.now()));
  },

  async contentDismiss({ failureId }, sender) {
    if (sender.tab?.id == null) return;
    await change(sender.tab.id, (s) => ({ ...s, dismissed: [...s.dismissed.filter((d) => d !== failureId), failureId].slice(-50) }));
  },

  // "Turn off hints" from the hint: a TikTok tab can only switch hints off, nothing else.
  async contentHintsOff() {
    await writeSettings({ hintsEnabled: false });
    await pushAll();
  },

  async popupGetView(req, sender) {
    const incognito = senderIncognito(sender, req.incognito);
    // the tab's state is read while the tab is picked (one round trip to the browser, not several)
    return viewOfPick(pickTab(req, incognito), incognito, req.tabId ?? req.activeTabId);
  },

  async popupRunChecks(req, sender) {
    const incognito = senderIncognito(sender, req.incognito);
    const tab = await visibleTab(req.tabId, incognito);
    const tabId = tab ? req.tabId : null;
    startChecks(tabId, incognito);
    return view(tabId, isTikTokUrl(tab?.url), incognito);
  },

  async popupAnswer(req, sender) {
    const incognito = senderIncognito(sender, req.incognito);
    const tab = await visibleTab(req.tabId, incognito);
    if (!tab || !isTikTokUrl(tab.url)) return view(null, false, incognito);
    await change(req.tabId, (s) => applyAnswer(s, req.questionId, req.answer));
    return view(req.tabId, true, incognito);
  },

  async anySetSettings(req) {
    await writeSettings(req);
    // No message can switch outside checks on: the background records the browser's permission itself.
    if (req.externalChecksAllowed !== undefined) await syncExternalChecksSetting();
    await pushAll();
  },

  optionsGetWhatsNew: () => readWhatsNew(),
};
