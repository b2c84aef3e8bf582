import type { TabState } from '../contracts/tab-state';
import type { Settings } from '../contracts/settings';
import type { Diagnosis } from '../contracts/diagnosis';
import type { HintUpdate } from '../contracts/hint-update';
import type { PopupState, UnrecognizedReason } from '../contracts/tab-view';
import type { Evidence } from '../diagnosis/evidence';
import { diagnose } from '../diagnosis/diagnose';
import { isInboxWhere } from '../tiktok/routes';
import { packagedHintWords } from '../causes/hint-words';

// The one projection of a tab's state into what it shows: the popup (buildView) and the in-page hint
// (hintUpdateOf) both read tabStatus, so they cannot disagree. DESIGN.md precedence:
// problem > ui-unrecognized > checking > no-problem; not-tiktok iff the tab is not on TikTok.

/** The content script reports within ~5 s on /messages; silence after that is "not recognised". */
export const REPORT_DEADLINE_MS = 8000;

export function evidenceOf(s: TabState, now: number): Evidence {
  return {
    now,
    onMessages: s.onMessages,
    page: s.page,
    net: s.net.filter((e) => e.t >= s.visitAt - 30_000),
    checks: s.checks?.results.filter((r) => r.status !== 'running') ?? [],
    answers: s.answers,
  };
}

/** A tab with no report at all has no diagnosis yet; a check run still going is not one either. */
export function diagnosisOf(s: TabState, now: number): Diagnosis | null {
  if (!s.page && s.net.length === 0 && s.checks?.finishedAt == null) return null;
  return diagnose(evidenceOf(s, now));
}

/** Why the tab's own report says it cannot read the inbox (for the badge); null if it does not. */
export function reportedReason(s: TabState): UnrecognizedReason | null {
  if (s.notLoaded) return 'not-loaded';
  return s.onMessages && s.page?.recognition === 'unrecognized' ? (s.page.reason ?? 'page-changed') : null;
}

type Recognition = 'waiting' | 'recognized' | 'unrecognized' | null;

function recognitionOf(s: TabState, now: number, inboxTab: boolean): Recognition {
  // The tab shows an inbox the background has not seen arrive yet (it was open before the extension
  // started, or it is reloading): wait for its content script — or for "not loaded" — never "no problem".
  if (!s.onMessages) return inboxTab && !s.page ? 'waiting' : null;
  if (s.page) return s.page.recognition;
  // redirected away (e.g. to /login): nothing to wait for
  if (!isInboxWhere(s.where ?? '')) return null;
  return now - s.visitAt > REPORT_DEADLINE_MS ? 'unrecognized' : 'waiting';
}

export interface StatusContext {
  now: number;
  /** the tab is on TikTok (false: the popup's not-tiktok state) */
  onTikTok: boolean;
  /** a check run for this tab is in flight */
  running: boolean;
  /** the tab is an inbox whose content script does not answer (src/background/script-presence.ts) */
  notLoaded?: boolean;
  /** the tab's own URL is an inbox route (/messages, /business-suite/messages) */
  inboxTab?: boolean;
}

export interface TabStatus {
  state: PopupState;
  /** set iff state is `ui-unrecognized` */
  reason: UnrecognizedReason | null;
  /** nothing pending: no check running, and a diagnosis (or a final "unrecognised") is in */
  settled: boolean;
  diagnosis: Diagnosis | null;
}

export function tabStatus(s: TabState | null, c: StatusContext): TabStatus {
  const diagnosis = c.onTikTok && s ? diagnosisOf(s, c.now) : null;
  const notLoaded = c.onTikTok && !!c.notLoaded;
  const recognition: Recognition = notLoaded ? 'unrecognized' : s ? recognitionOf(s, c.now, c.onTikTok && !!c.inboxTab) : null;
  const at = (state: PopupState, settled: boolean): TabStatus => ({
    state,
    reason: state === 'ui-unrecognized' ? (notLoaded ? 'not-loaded' : ((s && reportedReason(s)) ?? 'page-changed')) : null,
    settled,
    diagnosis,
  });
  const waiting = recognition === 'waiting';
  if (!c.onTikTok) return at('not-tiktok', !c.running);
  if (diagnosis?.problem) return at('problem', !c.running && !waiting);
  if (recognition === 'unrecognized') return at('ui-unrecognized', !c.running);
  if (c.running && !diagnosis) return at('checking', false);
  return at('no-problem', !c.running && !waiting);
}

/** What the tab's in-page hint shows: the same status the popup would show for this tab. */
export function hintUpdateOf(s: TabState, status: TabStatus, settings: Settings): HintUpdate {
  const top = status.state === 'problem' ? status.diagnosis?.ranked[0] : undefined;
  return {
    state: status.state,
    causeId: top?.id ?? null,
    earlier: status.diagnosis?.earlier ?? false,
    hintsEnabled: settings.hintsEnabled,
    dismissed: s.dismissed,
    seq: s.page?.seq ?? null,
    pageId: s.page?.pageId ?? null,
    words: top ? packagedHintWords(top.id) : null,
  };
}
