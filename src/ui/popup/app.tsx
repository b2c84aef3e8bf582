import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
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
import { incognitoP, type ViewSource } from './view-port';

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

/** The popup: `views` is the port opened by entrypoints/popup/main.tsx before this first renders. */
export function App({ views }: { views: ViewSource }) {
  const [view, setView] = useState<TabView | null>(() => views.current().view);
  const [error, setError] = useState(() => views.current().error);
  const [handle, setHandle] = useState<string | null>(null);

  // A layout effect runs right after the first render (a plain effect waits for the next frame): a
  // view that arrived meanwhile is taken at once, and every later one renders as it comes.
  useLayoutEffect(() => {
    const take = () => {
      const c = views.current();
      if (c.view) setView(c.view);
      setError(c.error);
    };
    take();
    return views.listen(take);
  }, [views]);

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
