import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '../../contracts/protocol';
import type { TabView } from '../../contracts/tab-view';
import { t } from '../../i18n/i18n';
import { TopCause, OtherCauses } from './causes';
import { Checks } from './checks';
import { Controls } from './controls';
import { EvidenceList } from './evidence';
import { QuestionBox } from './question';
import { StateIntro } from './state-intro';

const POLL_MS = 250;
/** after "Reload this tab", how long the popup waits for the background to see the reload */
const FOLLOW_RELOAD_MS = 20_000;

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

  const load = useCallback(() => {
    requestView().then(setView, () => setError(true));
  }, []);
  useEffect(load, [load]);
  useEffect(() => {
    // Right after a reload the background may still answer "not loaded" for a moment: keep asking.
    const following = reloadedAt !== null && Date.now() - reloadedAt < FOLLOW_RELOAD_MS && view?.reason === 'not-loaded';
    if (!view || (view.settled && !following)) return undefined;
    const id = setTimeout(load, POLL_MS);
    return () => clearTimeout(id);
  }, [view, load, reloadedAt]);

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
      {top && d && <TopCause cause={top} diagnosis={d} view={view} onRecheck={() => act(incognitoP.then((incognito) => sendMessage('popupRunChecks', { tabId: view.tabId, incognito })))} />}
      {d?.question && view.tabId != null && (
        <QuestionBox question={d.question} onAnswer={(answer) => act(incognitoP.then((incognito) => sendMessage('popupAnswer', { tabId: view.tabId!, questionId: d.question!.id, answer, incognito })))} />
      )}
      {top && d && <OtherCauses diagnosis={d} />}
      {!top && d && d.evidence.length > 0 && <EvidenceList items={d.evidence} />}
      <Checks view={view} />
      <Controls view={view} onRecheck={() => act(incognitoP.then((incognito) => sendMessage('popupRunChecks', { tabId: view.tabId, incognito })))} onSettings={(s) => act(sendMessage('anySetSettings', s))} />
    </div>
  );
}
