// The cause catalogue: per cause its side, its one fix action, its help links and how many fix steps
// its copy has. The words live in locales/<lang>/causes.json (merged into _locales at build time).
//
// Message keys, with P = `cause_` + the id with `-` → `_` (e.g. `cause_dns_blocked_`):
//   P + `title`, P + `why`           one each
//   P + `stepN` (N = 1..stepCount)   or, for N in `browserSteps`, P + `stepN_chrome` and P + `stepN_firefox`
//   P + `action`                     the fix button's label, or `action_chrome` + `action_firefox` when
//                                    the action differs per browser, plus `action_nohandle` for causes
//                                    whose action opens the recipient's profile (`needsHandle`)
// Use `messageKeys(id, ctx)` rather than building keys by hand.
import { CAUSE_IDS, sideOf, type CauseId, type Side } from '../contracts/cause-ids';
import {
  PORTAL_PROBE_URL,
  browserUrl,
  helpUrl,
  profileUrl,
  type Browser,
  type BrowserUrlName,
  type Lang,
  type TikTokUrlName,
} from './urls';
import { msgKey } from '../i18n/keys';

export interface CauseContext {
  lang: Lang;
  browser: Browser;
  /** the recipient's @handle, when the page showed it */
  handle: string | null;
}

type Link = (ctx: CauseContext) => string;
export type ActionSpec =
  | { kind: 'open-url'; url: Link }
  | { kind: 'copy-steps' }
  /** a privileged page shown as copyable text: Firefox cannot open about: pages for the person */
  | { kind: 'copy-address'; address: string }
  /** reload the TikTok tab (tabs.reload needs no permission) */
  | { kind: 'reload-tab' }
  /** only time fixes it: wait (until TikTok's Retry-After time, when it gave one), then check again */
  | { kind: 'recheck'; wait?: true };
type PerBrowser<T> = Record<Browser, T>;

export interface CauseEntry {
  id: CauseId;
  side: Side;
  action: ActionSpec | PerBrowser<ActionSpec>;
  /** at least one; https only */
  helpLinks: readonly Link[];
  stepCount: number;
  /** 1-based step numbers whose copy differs between Chrome and Firefox */
  browserSteps?: readonly number[];
  /** the action opens the recipient's profile, falling back to a help article without a handle */
  needsHandle?: true;
}

export type FixAction =
  | { kind: 'open-url'; href: string }
  | { kind: 'copy-steps' }
  | { kind: 'copy-address'; address: string }
  | { kind: 'reload-tab' }
  | { kind: 'recheck'; wait?: true };

const help =
  (name: TikTokUrlName): Link =>
  (c) =>
    helpUrl(name, c.lang);
const open = (name: TikTokUrlName): ActionSpec => ({ kind: 'open-url', url: help(name) });
const profileOr = (fallback: TikTokUrlName): ActionSpec => ({
  kind: 'open-url',
  url: (c) => profileUrl(c.handle) ?? helpUrl(fallback, c.lang),
});
// Chrome opens its settings page for the person; Firefox refuses about: pages, so it offers the
// address to copy and paste into the address bar.
const settingsPage = (name: BrowserUrlName): PerBrowser<ActionSpec> => ({
  chrome: { kind: 'open-url', url: () => browserUrl(name, 'chrome') },
  firefox: { kind: 'copy-address', address: browserUrl(name, 'firefox') },
});
// The fix happens outside the browser (cable, Wi-Fi, OS clock) and TikTok's page then needs a reload.
const RELOAD: ActionSpec = { kind: 'reload-tab' };
// Only time fixes a rate limit: wait (until TikTok's Retry-After time when it sent one), then re-check.
const WAIT: ActionSpec = { kind: 'recheck', wait: true };
// A plain-http page: a Wi-Fi login portal intercepts it and shows its sign-in page instead.
const PORTAL: ActionSpec = { kind: 'open-url', url: () => PORTAL_PROBE_URL };

type Spec = Omit<CauseEntry, 'id' | 'side'>;
const DM_HELP = [help('helpDmSettings')];
const NETWORK_HELP = [help('helpCentre')];

const SPECS = {
  // account: the help article that explains each restriction, or the page that lifts it
  'under-16': { action: open('helpDmSettings'), helpLinks: [help('helpDmSettings'), help('parentFeatures')], stepCount: 2 },
  'phone-unverified': { action: open('helpPhone'), helpLinks: [help('helpPhone')], stepCount: 3 },
  'family-pairing': { action: open('helpFamilyPairing'), helpLinks: [help('helpFamilyPairing')], stepCount: 2 },
  'account-restricted': { action: open('helpAccountStatus'), helpLinks: [help('helpAccountStatus'), help('helpBans')], stepCount: 3 },
  'dm-ban': { action: open('helpAccountStatus'), helpLinks: [help('helpAccountStatus'), help('helpBans')], stepCount: 3 },
  'content-flagged': { action: open('feedback'), helpLinks: [help('communityGuidelines'), help('feedback')], stepCount: 2 },
  // Only waiting fixes it; "check again" after the pause (TikTok publishes no article on the limit).
  'sending-too-fast': { action: WAIT, helpLinks: [help('feedback')], stepCount: 3 },
  'logged-out': { action: open('login'), helpLinks: [help('helpLogin')], stepCount: 3 },
  'own-dm-settings': { action: open('dmSettings'), helpLinks: [help('helpDmSettings'), help('privacySettings')], stepCount: 3 },
  // recipient: mostly theirs to change, so the article; follow / unblock happen on their profile
  'not-friends': { action: profileOr('helpDmSettings'), helpLinks: DM_HELP, stepCount: 3, needsHandle: true },
  'recipient-settings': { action: open('helpDmSettings'), helpLinks: DM_HELP, stepCount: 2 },
  'request-pending': { action: profileOr('helpDmSettings'), helpLinks: DM_HELP, stepCount: 3, needsHandle: true },
  'chat-limit': { action: open('helpDmSettings'), helpLinks: DM_HELP, stepCount: 2 },
  // No help article on blocking is known: the DM settings article is the fallback.
  blocked: { action: profileOr('helpDmSettings'), helpLinks: DM_HELP, stepCount: 2, needsHandle: true },
  'recipient-suspended': { action: open('enforcement'), helpLinks: [help('enforcement'), help('helpBans')], stepCount: 2 },
  'recipient-restricted': { action: open('enforcement'), helpLinks: [help('enforcement'), help('helpBans')], stepCount: 2 },
  'incoming-request': { action: open('inbox'), helpLinks: DM_HELP, stepCount: 3 },
  // tiktok: nothing to change on the person's side; no status page exists, feedback is the channel
  'tiktok-outage': { action: open('feedback'), helpLinks: [help('feedback')], stepCount: 3 },
  'region-unavailable': { action: open('helpCentre'), helpLinks: [help('helpCentre')], stepCount: 2 },
  'unsupported-on-web': { action: open('helpCentre'), helpLinks: [help('helpCentre')], stepCount: 2 },
  // Usually gone on reload.
  'temporary-glitch': { action: RELOAD, helpLinks: [help('feedback')], stepCount: 3 },
  // network / device
  offline: { action: RELOAD, helpLinks: NETWORK_HELP, stepCount: 3 },
  'dns-failure': { action: settingsPage('secureDns'), helpLinks: NETWORK_HELP, stepCount: 2, browserSteps: [1] },
  'dns-blocked': { action: settingsPage('secureDns'), helpLinks: NETWORK_HELP, stepCount: 3, browserSteps: [2] },
  'blocked-by-extension': { action: settingsPage('extensions'), helpLinks: NETWORK_HELP, stepCount: 3, browserSteps: [2, 3] },
  'proxy-vpn': { action: settingsPage('proxy'), helpLinks: NETWORK_HELP, stepCount: 2, browserSteps: [2] },
  // Only whoever runs the network can open it: the steps, copied, are what to show them.
  firewall: { action: { kind: 'copy-steps' }, helpLinks: NETWORK_HELP, stepCount: 3 },
  'captive-portal': { action: PORTAL, helpLinks: NETWORK_HELP, stepCount: 2 },
  'clock-wrong': { action: RELOAD, helpLinks: NETWORK_HELP, stepCount: 2 },
  'slow-connection': { action: RELOAD, helpLinks: NETWORK_HELP, stepCount: 3 },
  'outdated-browser': { action: settingsPage('update'), helpLinks: NETWORK_HELP, stepCount: 2, browserSteps: [1, 2] },
} satisfies Record<CauseId, Spec>;

export const CATALOGUE: Readonly<Record<CauseId, CauseEntry>> = Object.fromEntries(
  CAUSE_IDS.map((id) => [id, { id, side: sideOf(id), ...(SPECS[id] as Spec) }]),
) as Record<CauseId, CauseEntry>;

function specFor(entry: CauseEntry, browser: Browser): ActionSpec {
  return 'kind' in entry.action ? entry.action : entry.action[browser];
}

export function fixAction(id: CauseId, ctx: CauseContext): FixAction {
  const spec = specFor(CATALOGUE[id], ctx.browser);
  if (spec.kind === 'open-url') return { kind: 'open-url', href: spec.url(ctx) };
  return { ...spec };
}

export function helpLinks(id: CauseId, ctx: CauseContext): string[] {
  return CATALOGUE[id].helpLinks.map((link) => link(ctx));
}

export interface CauseMessageKeys {
  title: string;
  why: string;
  action: string;
  steps: string[];
}

export function causeKeyPrefix(id: CauseId): string {
  return `${msgKey('cause', id)}_`;
}

/** The locale keys to show for this cause in this browser (with or without the recipient's handle). */
export function messageKeys(id: CauseId, ctx: Pick<CauseContext, 'browser' | 'handle'>): CauseMessageKeys {
  const entry = CATALOGUE[id];
  const p = causeKeyPrefix(id);
  let action = 'action';
  if (!('kind' in entry.action)) action = `action_${ctx.browser}`;
  else if (entry.needsHandle && profileUrl(ctx.handle) === null) action = 'action_nohandle';
  const steps = Array.from({ length: entry.stepCount }, (_, i) =>
    entry.browserSteps?.includes(i + 1) ? `${p}step${i + 1}_${ctx.browser}` : `${p}step${i + 1}`,
  );
  return { title: `${p}title`, why: `${p}why`, action: p + action, steps };
}

export function sideLabelKey(side: Side): `side_${Side}` {
  return `side_${side}`;
}
