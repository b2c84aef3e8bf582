import { browser } from 'wxt/browser';
import type { Diagnosis } from '../diagnosis/types';
import { t } from '../ui/i18n';

// Firefox MV2 calls it browserAction, Chrome MV3 action.
const action = () => browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;

/** A per-tab mark while a problem is detected there; the tooltip names the likely cause. */
export async function setBadge(tabId: number, d: Diagnosis | null): Promise<void> {
  const a = action();
  const top = d?.problem ? d.ranked[0] : undefined;
  try {
    await a.setBadgeText({ tabId, text: top ? '!' : '' });
    if (top) await a.setBadgeBackgroundColor({ tabId, color: '#d4183d' });
    await a.setTitle({ tabId, title: top ? t('badge_title', [t(`cause_${top.id.replace(/-/g, '_')}_title`)]) : t('extName') });
  } catch {
    // the tab is gone
  }
}
