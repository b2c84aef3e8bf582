import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '../../contracts/protocol';
import type { TabView } from '../../contracts/tab-view';
import { t } from '../../i18n/i18n';
import { CATALOGUE } from '../../causes/catalogue';
import { TopCause, OtherCauses, WhyWeThink } from './causes';
import { Checks } from './checks';
import { ReportBox, SettingsBox } from './controls';
import { QuestionBox } from './question';
import { StateIntro } from './state-intro';

const POLL_MS = 250;
/** after "Reload this tab", how long the popup waits for the background to see the reload */
const FOLLOW_RELOAD_MS = 20_000;
/** after "Reload TikTok" on a problem, how long the popup keeps asking for the reloaded page's view */
const FOLLOW_ANY_RELOAD_MS = 5000;
/** how long the popup waits for the tab's content script to name the open chat's @handle */
const HANDLE_WAIT_MS = 1500;

/**
 * The open chat's @handle, asked of the tab's content script (only the frame watching the inbox
 * answers). Kept in this popup's memory only: never sent to the background, stored or reported.
 */
function askHandle(tabId: number): Promise<string | null> {
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), HANDLE_WAIT_MS));
  const answer = sendMessage('popupChatHandle', null, tabId).then((h) => (typeof h === 'string' && h.startsWith('@') ? h : null), () => null);
  return Promise.race([answer, timeout]);
}

/**
 * The popup's window kind, told to the background with every request: a popup only ever sees tabs
 * of its own kind (DESIGN.md). Tab state comes only from the background, never from storage.
 */
const incognitoP: Promise<boolean> = browser.windows.getCurrent().then(
  (w) => !!w.incognito || !!browser.extension?.inIncognitoContext,
  () => !!browser.extension?.inIncognitoContext,
);

async function requestView(): Promise<TabView> {
  const incognito = await incognitoP;
  const param = new URLSearchParams(location.search).get('tab');
  if (param !== null) {
    const id = Number(param);
    // `?tab=` naming no tab is `not-tiktok`
    return sendMessage('popupGetView', { tabId: Number.isInteger(id) ? id : -1, activeTabId: null, activeUrl: null, incognito });
  }
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return sendMessage('popupGetView', { tabId: null, activeTabId: active?.id ?? null, activeUrl: active?.url ?? null, incognito });
}

export function App() {
  const [view, setView] = useState<TabView | null>(null);
  const [error, setError] = useState(false);
  const [reloadedAt, setReloadedAt] = useState<number | null>(null);
  const [handle, setHandle] = useState<string | null>(null);

  const load = useCallback(() => {
    requestView().then(setView, () => setError(true));
  }, []);
  useEffect(load, [load]);
  useEffect(() => {
    // Right after a reload the background may still answer "not loaded" (or the old page) for a
    // moment: keep asking, so the popup shows what the reloaded tab says.
    const since = reloadedAt === null ? Infinity : Date.now() - reloadedAt;
    const following = since < FOLLOW_RELOAD_MS && (view?.reason === 'not-loaded' || since < FOLLOW_ANY_RELOAD_MS);
    if (!view || (view.settled && !following)) return undefined;
    const id = setTimeout(load, POLL_MS);
    return () => clearTimeout(id);
  }, [view, load, reloadedAt]);

  const topId = view?.state === 'problem' ? view.diagnosis?.ranked[0]?.id : undefined;
  const wantsHandle = topId !== undefined && !!CATALOGUE[topId].needsHandle && view?.tabId != null;
  const handleTab = wantsHandle ? view!.tabId : null;
  useEffect(() => {
    if (handleTab == null) return undefined;
    let live = true;
    setHandle(null);
    void askHandle(handleTab).then((h) => live && setHandle(h));
    return () => {
      live = false;
    };
  }, [handleTab]);

  if (!view) return <p class="loading">{error ? t('popup_error') : t('popup_loading')}</p>;

  const act = async (p: Promise<TabView | void>) => {
    const next = await p;
    if (next) setView(next);
    else load();
  };
  const reloadTab = async () => {
    if (view.tabId == null) return;
    setReloadedAt(Date.now());
    await browser.tabs.reload(view.tabId).catch(() => undefined); // needs no permission
    load();
  };
  const d = view.diagnosis;
  const top = view.state === 'problem' ? d?.ranked[0] : undefined;
  const recheck = () => act(incognitoP.then((incognito) => sendMessage('popupRunChecks', { tabId: view.tabId, incognito })));
  return (
    <div data-testid="popup" data-state={view.state} data-reason={view.reason ?? undefined} data-tab-id={view.tabId ?? ''} data-settled={String(view.settled)} class="popup">
      <header>
        <img src="/icon/32.png" alt="" width="24" height="24" />
        <h1>{t('extName')}</h1>
      </header>
      <StateIntro view={view} />
      {view.reason === 'not-loaded' && (
        <button type="button" data-testid="fix-action" data-action="reload-tab" class="primary reload" onClick={reloadTab}>{t('popup_reload_tab')}</button>
      )}
      {top && d && <TopCause cause={top} diagnosis={d} view={view} handle={handle} onRecheck={recheck} onReload={reloadTab} />}
      {d?.question && view.tabId != null && (
        <QuestionBox question={d.question} onAnswer={(answer) => act(incognitoP.then((incognito) => sendMessage('popupAnswer', { tabId: view.tabId!, questionId: d.question!.id, answer, incognito })))} />
      )}
      {top && d && <OtherCauses diagnosis={d} />}
      {d && <WhyWeThink diagnosis={d} cause={top} />}
      <Checks view={view} onRecheck={recheck} />
      <SettingsBox view={view} onSettings={(s) => act(sendMessage('anySetSettings', s))} />
      <ReportBox view={view} />
    </div>
  );
}
