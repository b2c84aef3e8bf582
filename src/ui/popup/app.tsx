import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { POPUP_PORT, sendMessage } from '../../contracts/protocol';
import type { Input } from '../../contracts/schemas';

type ViewRequest = Input<'popupGetView'>;
import type { TabView } from '../../contracts/tab-view';
import { t } from '../../i18n/i18n';
import { CATALOGUE } from '../../causes/catalogue';
import { TopCause, OtherCauses, WhyWeThink } from './causes';
import { Checks } from './checks';
import { ReportBox, SettingsBox } from './controls';
import { QuestionBox } from './question';
import { StateIntro } from './state-intro';

/** a port closed by the browser (the worker stopped) is opened again, this many times in a row */
const RECONNECTS = 3;
const RECONNECT_MS = 100;
/** how long the popup waits for the tab's content script to name the open chat's @handle */
const HANDLE_WAIT_MS = 1500;

/**
 * The open chat's @handle, asked of the tab's content script (only the frame watching the inbox
 * answers). Kept in this popup's memory only: never sent to the background, stored or reported.
 */
function askHandle(tabId: number): Promise<string | null> {
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), HANDLE_WAIT_MS));
  const answer = sendMessage('popupChatHandle', null, tabId).then(
    (h) => (typeof h === 'string' && h.startsWith('@') ? h : null),
    () => null,
  );
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

/** What this popup asks about: `?tab=<id>` (a tab named by the tests or the hint), else the active tab. */
async function viewRequest(): Promise<ViewRequest> {
  const incognito = await incognitoP;
  const param = new URLSearchParams(location.search).get('tab');
  if (param !== null) {
    const id = Number(param);
    // `?tab=` naming no tab is `not-tiktok`
    return { tabId: Number.isInteger(id) ? id : -1, activeTabId: null, activeUrl: null, incognito };
  }
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return { tabId: null, activeTabId: active?.id ?? null, activeUrl: active?.url ?? null, incognito };
}

/**
 * The tab's view, pushed by the background whenever the tab's state changes (the moment the hint
 * gets its update): no polling. A port the browser closes (the worker was stopped) is opened again.
 */
function subscribe(onView: (v: TabView) => void, onError: () => void): () => void {
  let closed = false;
  let port: ReturnType<typeof browser.runtime.connect> | null = null;
  let retries = 0;
  const open = async () => {
    const req = await viewRequest();
    if (closed) return;
    port = browser.runtime.connect({ name: POPUP_PORT });
    port.onMessage.addListener((v) => {
      retries = 0;
      onView(v as TabView);
    });
    port.onDisconnect.addListener(() => {
      port = null;
      if (closed) return;
      if (retries++ < RECONNECTS) setTimeout(() => void open().catch(onError), RECONNECT_MS);
      else onError();
    });
    port.postMessage(req);
  };
  void open().catch(onError);
  return () => {
    closed = true;
    port?.disconnect();
  };
}

export function App() {
  const [view, setView] = useState<TabView | null>(null);
  const [error, setError] = useState(false);
  const [handle, setHandle] = useState<string | null>(null);

  useEffect(() => subscribe(setView, () => setError(true)), []);

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

  /** A button's message: its reply is the new view, or nothing (the background pushes the view then). */
  const act = async (p: Promise<unknown>) => {
    const next = await p.catch(() => undefined);
    if (typeof next === 'object' && next !== null && 'state' in next) setView(next as TabView);
  };
  // The reloaded page's view arrives over the port (navigation, then the page's report).
  const reloadTab = async () => {
    if (view.tabId == null) return;
    await browser.tabs.reload(view.tabId).catch(() => undefined); // needs no permission
  };
  const d = view.diagnosis;
  const top = view.state === 'problem' ? d?.ranked[0] : undefined;
  const recheck = () => act(incognitoP.then((incognito) => sendMessage('popupRunChecks', { tabId: view.tabId, incognito })));
  return (
    <div
      data-testid="popup"
      data-state={view.state}
      data-reason={view.reason ?? undefined}
      data-tab-id={view.tabId ?? ''}
      data-settled={String(view.settled)}
      class="popup"
    >
      <header>
        <img src="/icon/32.png" alt="" width="24" height="24" />
        <h1>{t('extName')}</h1>
      </header>
      <StateIntro view={view} />
      {view.reason === 'not-loaded' && (
        <button type="button" data-testid="fix-action" data-action="reload-tab" class="primary reload" onClick={reloadTab}>
          {t('popup_reload_tab')}
        </button>
      )}
      {top && d && <TopCause cause={top} diagnosis={d} view={view} handle={handle} onRecheck={recheck} onReload={reloadTab} />}
      {d?.question && view.tabId != null && (
        <QuestionBox
          question={d.question}
          onAnswer={(answer) =>
            act(
              incognitoP.then((incognito) =>
                sendMessage('popupAnswer', { tabId: view.tabId!, questionId: d.question!.id, answer, incognito }),
              ),
            )
          }
        />
      )}
      {top && d && <OtherCauses diagnosis={d} />}
      {d && <WhyWeThink diagnosis={d} cause={top} />}
      <Checks view={view} onRecheck={recheck} />
      <SettingsBox view={view} onSettings={(s) => act(sendMessage('anySetSettings', s))} />
      <ReportBox view={view} />
    </div>
  );
}
