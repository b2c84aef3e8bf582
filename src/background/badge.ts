import { browser } from 'wxt/browser';
import type { Diagnosis } from '../contracts/diagnosis';
import type { UnrecognizedReason } from '../contracts/tab-view';
import { t } from '../i18n/i18n';
import { msgKey } from '../i18n/keys';

// Firefox MV2 calls it browserAction, Chrome MV3 action.
const action = () => browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;

/**
 * A per-tab mark while a problem is detected there (a red "!", the tooltip names the likely cause),
 * or, with no problem, while the extension cannot see the inbox (a grey "?": not an alarm, just an
 * honest "look here"). A problem wins, as in the popup.
 */
export async function setBadge(tabId: number, d: Diagnosis | null, unreadable: UnrecognizedReason | null = null): Promise<void> {
  const a = action();
  const top = d?.problem ? d.ranked[0] : undefined;
  const title = top
    ? t('badge_title', [t(msgKey('cause', top.id, 'title'))])
    : unreadable === 'not-loaded'
      ? t('badge_not_loaded_title')
      : unreadable
        ? t('badge_unreadable_title')
        : t('extName');
  try {
    await a.setBadgeText({ tabId, text: top ? '!' : unreadable ? '?' : '' });
    if (top || unreadable) await a.setBadgeBackgroundColor({ tabId, color: top ? '#d4183d' : '#6b7280' });
    await a.setTitle({ tabId, title });
  } catch {
    // the tab is gone
  }
}
