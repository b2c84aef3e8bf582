import { defineBackground } from 'wxt/utils/define-background';
import * as z from 'zod/mini';
import { registerNetworkObserver } from '../src/network/observer';
import { registerConsentMirror } from '../src/background/consent';
import { recordOwnError, recordOwnRedirect } from '../src/checks/own-requests';
import { purgeStaleTabs } from '../src/background/tab-store';
import { applyNavigation, applyNetEvent } from '../src/background/tab-events';
import { registerRouter } from '../src/background/router';
import { handlers } from '../src/background/handlers';
import { registerTabListeners } from '../src/background/listeners';
import { registerPopupPorts } from '../src/background/popup-port';
import { change, logged } from '../src/background/tabs';

// The extension CSP forbids eval: tell zod not to try its Function-based fast path.
z.config({ jitless: true });

export default defineBackground(() => {
  // Listeners are registered synchronously, at the top level of the worker.
  registerConsentMirror();
  registerNetworkObserver({
    event: (tabId, e) => void change(tabId, (s) => applyNetEvent(s, e)).catch(logged('a network event')),
    navigation: (tabId, nav) => void change(tabId, (s) => applyNavigation(s, nav)).catch(logged('a navigation')),
    ownError: recordOwnError,
    ownRedirect: recordOwnRedirect,
  });
  registerRouter(handlers);
  registerPopupPorts(handlers.popupGetView);
  registerTabListeners();
  // State of tabs closed while the worker was stopped, and of check runs with no tab, goes at once.
  purgeStaleTabs().catch(logged('the stale-state purge'));
});
