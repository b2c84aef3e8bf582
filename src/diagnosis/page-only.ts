import type { CauseId } from '../contracts/cause-ids';
import type { PageReport } from '../contracts/page-report';
import type { PageKind } from '../contracts/observation';

// The instant hint's answer, from the page alone, before the background's full diagnosis (with
// network and check evidence) arrives. It names a cause only where the page decides it by itself
// (a TikTok page state, a known notice beside a failed send, the composer replaced) and says
// nothing otherwise: the hint then waits for the background. Tests check that it never
// contradicts `diagnose` on the same page evidence (tests/unit/diagnosis/page-only.test.ts).
// Kept apart from `diagnose` so the content script does not carry the whole rule table.

const PAGE_CAUSE: Partial<Record<PageKind, CauseId>> = {
  login: 'logged-out',
  'rate-limited': 'sending-too-fast',
  'region-unavailable': 'region-unavailable',
};

export interface PageOnlyAnswer {
  causeId: CauseId;
  /** the failure was already in the chat's history when it opened */
  earlier: boolean;
}

export function diagnosePageOnly(r: PageReport | null): PageOnlyAnswer | null {
  const o = r?.observation;
  if (!r || !o || !r.onMessages) return null;
  const failed = o.failures.total > 0 && !r.cleared;
  const pageCause = PAGE_CAUSE[o.page];
  if (pageCause) return { causeId: pageCause, earlier: false };
  if (o.page !== 'inbox') return null;
  const earlier = failed && !r.fresh;
  if (failed && o.notice?.causeId && o.notice.source === 'send-fail-tip') return { causeId: o.notice.causeId, earlier };
  if (failed) return null;
  if (o.composer === 'block-note') return { causeId: 'blocked', earlier: false };
  if (o.composer === 'request-box') return { causeId: 'incoming-request', earlier: false };
  return null;
}
