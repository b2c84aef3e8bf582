import type { CauseId } from '../../../src/contracts/cause-ids';
import type { CheckFact, Evidence, NetFact } from '../../../src/diagnosis/evidence';
import type { PageReport } from '../../../src/contracts/page-report';
import type { Notice, NoticeSource, PageObservation } from '../../../src/contracts/observation';
import { findNoticeText } from '../../../src/page/notice-texts';
import { classifyError } from '../../../src/network/error-class';
import { fromCompleted, httpClassOf, type NetRole } from '../../../src/network/evidence';
import { CHECK_IDS, type CheckId } from '../../../src/checks/result';
import type { Confidence } from '../../../src/contracts/diagnosis';

// The scenario corpus for `diagnose`, written from the TikTok reference (facts the code relies on:
// docs/tiktok-web.md) and DESIGN.md before the rules were tuned. `ref` names the kind of fact the
// evidence comes from. Expectations follow the reference's cause per row; where it lists several, `top3` holds them.

export interface Scenario {
  name: string;
  ref: string;
  evidence: Evidence;
  /** null = no problem */
  expectTop: CauseId | null;
  /** must all be in the top three */
  top3?: CauseId[];
  expectQuestion?: boolean;
  /** exact confidence, or 'not-high' for weak / conflicting evidence */
  expectConfidence?: Confidence | 'not-high';
  /** the failure was already in the history when the chat opened */
  expectEarlier?: boolean;
  category: Category;
}

export type Category =
  | 'notice'
  | 'page'
  | 'net-chrome'
  | 'net-firefox'
  | 'net-confirm'
  | 'http'
  | 'checks'
  | 'skipped'
  | 'answers'
  | 'mixed'
  | 'earlier-cleared'
  | 'healthy'
  | 'sent-codes'
  | 'server-trouble';

// ── time ──────────────────────────────────────────────────────────────────────────────────────
export const T0 = 1_760_000_000_000;
/** when the failed bubble appeared */
export const FAIL_AT = T0 + 50_000;
/** when diagnose runs: 10 s after the failure */
export const NOW = T0 + 60_000;

// ── page ──────────────────────────────────────────────────────────────────────────────────────
/** TikTok's sentence as the content script reports it: matched against the notice catalogue. */
export function notice(text: string, source: NoticeSource = 'send-fail-tip'): Notice {
  const m = findNoticeText(text);
  return { text: text.replace(/\s+/g, ' ').trim().slice(0, 200), causeId: m?.causeId ?? null, lang: m?.lang ?? null, source };
}

export function report(o: Partial<PageObservation> = {}, r: Partial<PageReport> = {}): PageReport {
  const observation: PageObservation = {
    generation: 'dm-new',
    page: 'inbox',
    chatOpen: true,
    composer: 'present',
    failures: { total: 0, own: 0 },
    notice: null,
    unsupportedMessage: false,
    ...o,
  };
  const failed = observation.failures.total > 0;
  return {
    where: 'www.tiktok.com/messages',
    topFrame: true,
    onMessages: true,
    recognition: 'recognized',
    reason: null,
    observation,
    failureId: failed ? 'f-1' : null,
    fresh: true,
    cleared: false,
    failureAt: failed ? FAIL_AT : null,
    seq: 3,
    pageId: 'p1',
    ...r,
  };
}

/** A chat with a failed bubble (the warning slot holds an icon), optionally with TikTok's notice. */
export function failedBubble(
  text?: string,
  opts: { source?: NoticeSource; n?: number; fresh?: boolean; cleared?: boolean; generation?: PageObservation['generation'] } = {},
): PageReport {
  const n = opts.n ?? 1;
  return report(
    {
      generation: opts.generation ?? 'dm-new',
      failures: { total: n, own: n },
      notice: text === undefined ? null : notice(text, opts.source),
    },
    { fresh: opts.fresh ?? true, cleared: opts.cleared ?? false },
  );
}

/** A page TikTok shows instead of the inbox (a login, captcha, rate-limit or region page). */
export function pageKind(kind: PageObservation['page'], text?: string): PageReport {
  return report({ generation: 'unknown', page: kind, chatOpen: false, composer: 'no-chat', notice: text ? notice(text, 'page') : null });
}

export const healthyChat = (generation: PageObservation['generation'] = 'dm-new'): PageReport => report({ generation });

// ── network ───────────────────────────────────────────────────────────────────────────────────
/** A Chrome webRequest error (Chrome net errors), classified as the observer does. */
export function chrome(name: string, role: NetRole = 'im-api', t = FAIL_AT - 400): NetFact {
  return { t, role, kind: 'error', cls: classifyError(`net::${name}`) };
}
/** A Firefox webRequest error (Firefox NS errors). */
export function firefox(name: string, role: NetRole = 'im-api', t = FAIL_AT - 400): NetFact {
  return { t, role, kind: 'error', cls: classifyError(name) };
}
/** The same error twice, `gap` ms apart (≥ 5 s confirms). */
export function twice(make: (t: number) => NetFact, gap = 6000, last = FAIL_AT - 400): NetFact[] {
  return [make(last - gap), make(last)];
}
/** An HTTP answer from a TikTok host (HTTP signals). */
export function http(status: number, role: NetRole = 'im-api', t = FAIL_AT - 400): NetFact {
  const httpClass = httpClassOf(status);
  return { t, role, kind: 'http', status, ...(httpClass ? { httpClass } : {}) };
}
/** A request to `url` answered with `status`, as the network observer records it (nothing for ignored hosts). */
export function observed(url: string, status: number, t = FAIL_AT - 400): NetFact[] {
  const rec = fromCompleted({ url, statusCode: status, timeStamp: t, type: 'xmlhttprequest' });
  return rec
    ? [
        {
          t: rec.t,
          role: rec.role,
          kind: rec.kind,
          ...(rec.httpClass ? { httpClass: rec.httpClass } : {}),
          ...(rec.status !== undefined ? { status: rec.status } : {}),
        },
      ]
    : [];
}
/** The IM send reached TikTok and was answered (200: a refusal travels in the body, not the status). */
export const imOk = (t = FAIL_AT - 400): NetFact => http(200, 'im-api', t);
/** /messages redirected to /login (inbox URLs). */
export const loginRedirect = (t = FAIL_AT): NetFact => ({ t, role: 'www', kind: 'http', httpClass: 'login-redirect', status: 302 });

// ── checks ────────────────────────────────────────────────────────────────────────────────────
export function check(id: CheckId, status: CheckFact['status'], key: string, params?: Record<string, string | number>): CheckFact {
  return { id, status, reason: params ? { key, params } : { key } };
}
const PASS_KEYS: Record<CheckId, string> = {
  online: 'online.ok',
  'reach-www': 'reach.ok',
  'reach-im-api': 'reach.ok',
  'im-websocket': 'ws.ok',
  dns: 'dns.ok',
  'captive-portal': 'portal.none',
  clock: 'clock.ok',
  proxy: 'proxy.noErrors',
  'browser-version': 'browser.ok',
};
export const allPass = (except: CheckId[] = []): CheckFact[] =>
  CHECK_IDS.filter((id) => !except.includes(id)).map((id) => check(id, 'pass', PASS_KEYS[id]));
/** A reach / socket check whose host answered with `status`: reachable (pass), the status in its reason. */
export function answered(id: 'reach-www' | 'reach-im-api' | 'im-websocket', status: number): CheckFact {
  return check(id, 'pass', id === 'im-websocket' ? 'ws.ok' : 'reach.ok', { status, ms: 60 });
}
export const allSkipped = (): CheckFact[] =>
  CHECK_IDS.map((id) =>
    check(id, 'skipped', id === 'dns' ? 'dns.noConsent' : id === 'captive-portal' ? 'portal.noConsent' : 'check.notRun'),
  );
export const skippedCheck = (id: CheckId, key = 'check.notRun'): CheckFact => check(id, 'skipped', key);

// ── evidence ──────────────────────────────────────────────────────────────────────────────────
export function ev(parts: Partial<Evidence> = {}): Evidence {
  return { now: NOW, onMessages: true, page: null, net: [], checks: [], answers: {}, ...parts };
}

// ── TikTok's texts, verbatim (docs/tiktok-web.md) ──────────────────────────────────────────
export const E = {
  1: 'You are sending messages too fast. Take a rest.',
  2: 'Only friends can send messages to each other',
  3: "Cannot send messages due to this user's privacy settings",
  4: "This user is unable to receive your message due to this user's privacy settings",
  5: 'The message couldn’t be sent due to receiver’s settings. We will resend the message once they update their permission.',
  6: 'The account you are trying to contact has been suspended and may not be able to receive your message.',
  7: "This account can't send or receive messages due to multiple Community Guidelines violations.",
  8: 'Due to multiple Community Guideline violations, you’re temporarily prevented from sending and receiving messages. View details in your app notifications.',
  9: 'This message violated our Community Guidelines. We restrict certain content and actions to protect our community. If you believe this was a mistake, tap ',
  10: 'Chat messages limit reached. You will not be able to send messages to this user.',
} as const;
export const T7193 = 'You can only send up to 1 message before this user accepts your message request.';
/** The wording of IM status 7174, a *sent* status: the stranger cap is reached, the message still went out. */
export const T7174 = 'You can only send 3 messages before this user accepts your message request.';
export const T7195 =
  'This message may be in violation of our Community Guidelines, and has not been sent to protect our community. If you believe this was a mistake…';
export const BLOCK_NOTE = 'To send messages, unblock this account.';
export const UNKNOWN_EN = 'Message failed to send. Try again later.';
export const UNKNOWN_FR = "Le message n'a pas pu être envoyé.";

type Opts = Omit<Scenario, 'name' | 'ref' | 'evidence' | 'expectTop' | 'category'>;
const S: Scenario[] = [];
function sc(category: Category, name: string, ref: string, evidence: Evidence, expectTop: CauseId | null, opts: Opts = {}): void {
  S.push({ name, ref, evidence, expectTop, category, ...opts });
}

const POLICY_AMBIGUOUS: CauseId[] = ['not-friends', 'recipient-settings', 'request-pending'];

// ═══ 1. Notices beside a failed bubble (failure markers + English notices) ═════════════════════════════════════════
sc('notice', 'E1 too fast (dm-new)', 'English notices: E1', ev({ page: failedBubble(E[1]), net: [imOk()] }), 'sending-too-fast', {
  expectConfidence: 'high',
  expectQuestion: false,
});
sc(
  'notice',
  'E1 too fast (legacy UI)',
  'English notices: E1; DOM generations: older',
  ev({ page: failedBubble(E[1], { generation: 'legacy' }), net: [imOk()] }),
  'sending-too-fast',
  { expectConfidence: 'high' },
);
sc('notice', 'E1 too fast, no network evidence at all', 'English notices: E1', ev({ page: failedBubble(E[1]) }), 'sending-too-fast', {
  expectConfidence: 'high',
});
sc('notice', 'E2 friends only', 'English notices: E2', ev({ page: failedBubble(E[2]), net: [imOk()] }), 'not-friends', {
  top3: ['not-friends', 'recipient-settings'],
});
sc('notice', 'E3 privacy settings', 'English notices: E3', ev({ page: failedBubble(E[3]), net: [imOk()] }), 'recipient-settings', {
  expectConfidence: 'high',
});
sc(
  'notice',
  'E3 privacy settings (legacy)',
  'English notices: E3; DOM generations: older',
  ev({ page: failedBubble(E[3], { generation: 'legacy' }), net: [imOk()] }),
  'recipient-settings',
);
sc('notice', 'E4 unable to receive', 'English notices: E4', ev({ page: failedBubble(E[4]), net: [imOk()] }), 'recipient-settings');
sc(
  'notice',
  'E5 receiver settings (curly apostrophes)',
  'English notices: E5',
  ev({ page: failedBubble(E[5]), net: [imOk()] }),
  'recipient-settings',
);
sc(
  'notice',
  'E5 receiver settings (straight apostrophes)',
  'English notices: E5; notice texts: normalise',
  ev({ page: failedBubble(E[5].replace(/’/g, "'")), net: [imOk()] }),
  'recipient-settings',
);
sc('notice', 'E6 recipient suspended', 'English notices: E6', ev({ page: failedBubble(E[6]), net: [imOk()] }), 'recipient-suspended', {
  expectConfidence: 'high',
});
sc(
  'notice',
  "E7 recipient restricted (can't)",
  'English notices: E7',
  ev({ page: failedBubble(E[7]), net: [imOk()] }),
  'recipient-restricted',
);
sc(
  'notice',
  'E7 recipient restricted (can’t)',
  'English notices: E7',
  ev({ page: failedBubble(E[7].replace("'", '’')), net: [imOk()] }),
  'recipient-restricted',
);
sc('notice', 'E8 you are DM-banned', 'English notices: E8', ev({ page: failedBubble(E[8]), net: [imOk()] }), 'dm-ban', {
  expectConfidence: 'high',
});
sc(
  'notice',
  'E9 content flagged, feedback link follows',
  'English notices: E9',
  ev({ page: failedBubble(`${E[9]}Feedback`), net: [imOk()] }),
  'content-flagged',
);
sc(
  'notice',
  'E9 content flagged, trailing space',
  'English notices: E9',
  ev({ page: failedBubble(E[9]), net: [imOk()] }),
  'content-flagged',
);
sc(
  'notice',
  'E10 chat limit',
  'English notices: E10',
  ev({ page: failedBubble(E[10], { generation: 'legacy' }), net: [imOk()] }),
  'chat-limit',
);
sc(
  'notice',
  '7193 request limit',
  'English notices: 7193; IM status codes: 7193',
  ev({ page: failedBubble(T7193), net: [imOk()] }),
  'request-pending',
  { expectConfidence: 'high' },
);
sc(
  'notice',
  '7193 as a banner (toast)',
  'English notices: 7193 ([SA] banner)',
  ev({ page: failedBubble(T7193, { source: 'toast' }), net: [imOk()] }),
  'request-pending',
);
sc(
  'notice',
  '7195 content filtered',
  'English notices: 7195; IM status codes: 7195',
  ev({ page: failedBubble(T7195), net: [imOk()] }),
  'content-flagged',
);
sc(
  'notice',
  'older cap of 3 messages',
  'English notices: older cap; IM status codes: 7174',
  ev({ page: failedBubble('You can only send 3 messages before this user accepts your request.'), net: [imOk()] }),
  'request-pending',
);
sc(
  'notice',
  'E2 wording in the warning slot (dm-warning)',
  'failure markers: failed bubble; English notices: E2',
  ev({ page: failedBubble(E[2], { source: 'dm-warning' }), net: [imOk()] }),
  'not-friends',
);
sc(
  'notice',
  'not following you (toast)',
  'English notices: page-level "isn\'t following you"',
  ev({ page: failedBubble("Messages cannot be sent since this user isn't following you.", { source: 'toast' }), net: [imOk()] }),
  'not-friends',
);
sc(
  'notice',
  'French: offline toast on a failed send',
  'French notices: fr/offline',
  ev({ page: failedBubble('Connecte-toi à Internet et réessaie.', { source: 'toast' }) }),
  'offline',
);
sc(
  'notice',
  'unknown English notice on a failed send',
  'notice texts: "unknown text shown verbatim"',
  ev({ page: failedBubble(UNKNOWN_EN), net: [imOk()] }),
  'not-friends',
  { top3: POLICY_AMBIGUOUS, expectConfidence: 'low', expectQuestion: true },
);
sc(
  'notice',
  'unknown French notice on a failed send',
  'French notices: French notices unknown',
  ev({ page: failedBubble(UNKNOWN_FR), net: [imOk()] }),
  'not-friends',
  { top3: POLICY_AMBIGUOUS, expectConfidence: 'not-high', expectQuestion: true },
);
sc(
  'notice',
  'failed bubble, no notice, IM answered',
  'failure markers: failed bubble; send envelope: 200 hides refusals',
  ev({ page: failedBubble(), net: [imOk()] }),
  'not-friends',
  { top3: POLICY_AMBIGUOUS, expectConfidence: 'low', expectQuestion: true },
);
sc(
  'notice',
  'two failed bubbles, no notice',
  'failure markers: "bubbles beyond the request limit are marked failed"',
  ev({ page: failedBubble(undefined, { n: 2 }), net: [imOk(FAIL_AT - 9000), imOk()] }),
  'not-friends',
  { top3: POLICY_AMBIGUOUS, expectConfidence: 'not-high' },
);

// ═══ 2. Composer and page structures (failure markers, request box, English notices: page-level, i18n keys) ════════════════════
sc(
  'page',
  'block note replaces the composer',
  'i18n keys: webdm_inputbox_block_note',
  ev({ page: report({ composer: 'block-note', notice: notice(BLOCK_NOTE, 'composer') }) }),
  'blocked',
  { expectConfidence: 'high' },
);
sc(
  'page',
  'message-request box replaces the composer',
  'request box: DivStrangerBox',
  ev({ page: report({ generation: 'legacy', composer: 'request-box' }) }),
  'incoming-request',
  { expectConfidence: 'high' },
);
sc(
  'page',
  'unsupported message type in the chat',
  'i18n keys: webdm_message_not_supported',
  ev({ page: report({ unsupportedMessage: true }) }),
  'unsupported-on-web',
);
sc(
  'page',
  'login page instead of the inbox',
  'English notices: page-level "Log in / Use QR code"',
  ev({ page: pageKind('login') }),
  'logged-out',
  { expectConfidence: 'high' },
);
sc(
  'page',
  'login page: maximum attempts',
  'English notices: "Maximum number of attempts reached"',
  ev({ page: pageKind('login', 'Maximum number of attempts reached. Try again later.') }),
  'logged-out',
);
sc(
  'page',
  'rate-limit page: visiting too fast',
  'English notices: "You are visiting too fast"',
  ev({ page: pageKind('rate-limited', 'You are visiting too fast') }),
  'sending-too-fast',
  { expectConfidence: 'high' },
);
sc(
  'page',
  'rate-limit page: too many requests',
  'English notices: "Too many requests"',
  ev({ page: pageKind('rate-limited', 'Too many requests. Please try again later.') }),
  'sending-too-fast',
);
sc(
  'page',
  'captcha dialog over the inbox',
  'English notices: captcha dialog; "verify you are human"',
  ev({ page: report({ generation: 'legacy', page: 'rate-limited', notice: notice('Please verify you are human', 'dialog') }) }),
  'sending-too-fast',
);
sc(
  'page',
  'error page: something went wrong',
  'English notices: "Something went wrong"',
  ev({ page: pageKind('error', 'Something went wrong') }),
  'temporary-glitch',
  { top3: ['temporary-glitch', 'tiktok-outage'], expectConfidence: 'not-high' },
);
sc(
  'page',
  'error page: page not available',
  'English notices: "Page not available"',
  ev({ page: pageKind('error', 'Page not available') }),
  'temporary-glitch',
  { expectConfidence: 'not-high' },
);
sc(
  'page',
  'error page (French app string)',
  'French notices: fr/error',
  ev({ page: pageKind('error', 'Une erreur est survenue. Merci de réessayer.') }),
  'temporary-glitch',
);
sc(
  'page',
  'region page: US law',
  'English notices: region-unavailable (US, Jan 2025)',
  ev({
    page: pageKind(
      'region-unavailable',
      "Sorry, TikTok isn't available right now. A law banning TikTok has been enacted in the U.S. Unfortunately…",
    ),
  }),
  'region-unavailable',
  { expectConfidence: 'high' },
);
sc(
  'page',
  'region page: India',
  'English notices: region-unavailable (India)',
  ev({ page: pageKind('region-unavailable', 'Our services are not available in your country or region') }),
  'region-unavailable',
);
sc(
  'page',
  'region page: India 59 apps',
  'English notices: region-unavailable (India 2020)',
  ev({ page: pageKind('region-unavailable', 'On June 29, 2020 the Govt. of India decided to block 59 apps including TikTok.') }),
  'region-unavailable',
);
sc(
  'page',
  "couldn't find this account (toast)",
  'English notices: "Couldn\'t find this account"',
  ev({ page: report({ notice: notice("Couldn't find this account", 'toast') }) }),
  'recipient-suspended',
);
sc(
  'page',
  'account status dialog: DM restricted',
  'English notices: "Direct messages: Restricted from sending messages"',
  ev({ page: report({ notice: notice('Direct messages: Restricted from sending messages', 'dialog') }) }),
  'dm-ban',
);
sc(
  'page',
  'app-update dialog (French)',
  'French notices: fr/update',
  ev({ page: report({ notice: notice("Merci d'installer la dernière version de TikTok", 'dialog') }) }),
  'unsupported-on-web',
);
sc(
  'page',
  'logged-out: /messages redirected to /login',
  'inbox URLs: login redirect; HTTP signals: 302 /login',
  ev({ net: [loginRedirect()] }),
  'logged-out',
  { expectConfidence: 'high' },
);

// ═══ 3. Chrome net::ERR_* on the IM send of a failed bubble (Chrome net errors) ═══════════════════════════
const chromeOnSend = (name: string, expectTop: CauseId, ref: string, opts: Opts = {}, role: NetRole = 'im-api') =>
  sc(
    'net-chrome',
    `failed send, ${role} ${name}`,
    `Chrome net errors: ${ref}`,
    ev({ page: failedBubble(), net: [chrome(name, role)] }),
    expectTop,
    opts,
  );
chromeOnSend('ERR_INTERNET_DISCONNECTED', 'offline', 'ERR_INTERNET_DISCONNECTED');
chromeOnSend('ERR_NAME_NOT_RESOLVED', 'dns-blocked', 'ERR_NAME_NOT_RESOLVED; DNS: DoH decides', {
  top3: ['dns-blocked', 'dns-failure'],
  expectConfidence: 'not-high',
});
chromeOnSend('ERR_NAME_RESOLUTION_FAILED', 'dns-blocked', 'ERR_NAME_RESOLUTION_FAILED', {
  top3: ['dns-blocked', 'dns-failure'],
  expectConfidence: 'not-high',
});
chromeOnSend('ERR_CONNECTION_RESET', 'firewall', 'ERR_CONNECTION_RESET');
chromeOnSend('ERR_CONNECTION_TIMED_OUT', 'slow-connection', 'ERR_CONNECTION_TIMED_OUT', {
  top3: ['slow-connection', 'firewall', 'captive-portal'],
  expectConfidence: 'not-high',
});
chromeOnSend('ERR_TIMED_OUT', 'slow-connection', 'ERR_TIMED_OUT', { top3: ['slow-connection', 'firewall'] });
// Changed after the first run: interrupts count as temporary-glitch, and ERR_CONNECTION_CLOSED is Chrome's NS_ERROR_NET_INTERRUPT.
chromeOnSend('ERR_CONNECTION_CLOSED', 'temporary-glitch', 'ERR_CONNECTION_CLOSED; Firefox NS errors: ≈ NS_ERROR_NET_INTERRUPT', {
  top3: ['firewall', 'temporary-glitch'],
  expectConfidence: 'not-high',
});
chromeOnSend('ERR_EMPTY_RESPONSE', 'firewall', 'ERR_EMPTY_RESPONSE', { top3: ['firewall', 'temporary-glitch'] });
chromeOnSend('ERR_CONNECTION_REFUSED', 'proxy-vpn', 'ERR_CONNECTION_REFUSED', { top3: ['proxy-vpn', 'offline'] });
chromeOnSend('ERR_ADDRESS_UNREACHABLE', 'proxy-vpn', 'ERR_ADDRESS_UNREACHABLE', { top3: ['proxy-vpn', 'offline'] });
chromeOnSend('ERR_PROXY_CONNECTION_FAILED', 'proxy-vpn', 'ERR_PROXY_CONNECTION_FAILED');
chromeOnSend('ERR_TUNNEL_CONNECTION_FAILED', 'proxy-vpn', 'ERR_TUNNEL_CONNECTION_FAILED');
chromeOnSend('ERR_MANDATORY_PROXY_CONFIGURATION_FAILED', 'proxy-vpn', 'ERR_MANDATORY_PROXY_CONFIGURATION_FAILED');
chromeOnSend('ERR_PROXY_CERTIFICATE_INVALID', 'proxy-vpn', 'ERR_PROXY_CERTIFICATE_INVALID');
chromeOnSend('ERR_NETWORK_ACCESS_DENIED', 'firewall', 'ERR_NETWORK_ACCESS_DENIED');
chromeOnSend('ERR_BLOCKED_BY_ADMINISTRATOR', 'firewall', 'ERR_BLOCKED_BY_ADMINISTRATOR');
chromeOnSend('ERR_BLOCKED_BY_CLIENT', 'blocked-by-extension', 'ERR_BLOCKED_BY_CLIENT');
chromeOnSend('ERR_CERT_DATE_INVALID', 'clock-wrong', 'ERR_CERT_DATE_INVALID', { expectConfidence: 'not-high' });
chromeOnSend('ERR_CERT_AUTHORITY_INVALID', 'firewall', 'other ERR_CERT_*', { top3: ['firewall', 'captive-portal', 'proxy-vpn'] });
chromeOnSend('ERR_SSL_PROTOCOL_ERROR', 'firewall', 'ERR_SSL_PROTOCOL_ERROR');
chromeOnSend('ERR_TLS13_DOWNGRADE_DETECTED', 'firewall', 'ERR_TLS13_DOWNGRADE_DETECTED');
chromeOnSend('ERR_WS_PROTOCOL_ERROR', 'firewall', 'ERR_WS_PROTOCOL_ERROR; websocket: socket', { expectConfidence: 'not-high' }, 'im-ws');
chromeOnSend('ERR_NETWORK_CHANGED', 'temporary-glitch', 'ERR_NETWORK_CHANGED');
chromeOnSend(
  'ERR_FAILED',
  'temporary-glitch',
  'generic fallback; webRequest: socket reset arrives as ERR_FAILED',
  { expectConfidence: 'not-high' },
  'im-ws',
);
sc(
  'net-chrome',
  'loopback redirect of the IM send (blocker)',
  'blocking and timing: [SO] redirect to 127.0.0.1',
  ev({ page: failedBubble(), net: [{ t: FAIL_AT - 400, role: 'im-api', kind: 'error', cls: 'blocked-by-client', status: 307 }] }),
  'blocked-by-extension',
);

// ═══ 4. Firefox NS_ERROR_* on the IM send of a failed bubble (Firefox NS errors) ══════════════════════════
const ffOnSend = (name: string, expectTop: CauseId, ref: string, opts: Opts = {}, role: NetRole = 'im-api') =>
  sc(
    'net-firefox',
    `failed send, ${role} ${name}`,
    `Firefox NS errors: ${ref}`,
    ev({ page: failedBubble(), net: [firefox(name, role)] }),
    expectTop,
    opts,
  );
ffOnSend('NS_ERROR_UNKNOWN_HOST', 'dns-blocked', 'NS_ERROR_UNKNOWN_HOST', { top3: ['dns-blocked', 'dns-failure'] });
ffOnSend('NS_ERROR_NET_TIMEOUT', 'slow-connection', 'NS_ERROR_NET_TIMEOUT', { top3: ['slow-connection', 'firewall'] });
ffOnSend('NS_ERROR_CONNECTION_REFUSED', 'proxy-vpn', 'NS_ERROR_CONNECTION_REFUSED');
ffOnSend('NS_ERROR_PROXY_CONNECTION_REFUSED', 'proxy-vpn', 'NS_ERROR_PROXY_CONNECTION_REFUSED');
ffOnSend('NS_ERROR_UNKNOWN_PROXY_HOST', 'proxy-vpn', 'NS_ERROR_UNKNOWN_PROXY_HOST');
ffOnSend('NS_ERROR_NET_RESET', 'firewall', 'NS_ERROR_NET_RESET');
// Changed after the first run: Firefox interrupts count as temporary-glitch.
ffOnSend(
  'NS_ERROR_NET_INTERRUPT',
  'temporary-glitch',
  'NS_ERROR_NET_INTERRUPT (≈ ERR_CONNECTION_CLOSED; "temporary-glitch for interrupts")',
  { top3: ['firewall', 'temporary-glitch'], expectConfidence: 'not-high' },
);
ffOnSend('NS_ERROR_NET_INADEQUATE_SECURITY', 'firewall', 'NS_ERROR_NET_INADEQUATE_SECURITY');
ffOnSend('NS_ERROR_OFFLINE', 'offline', 'NS_ERROR_OFFLINE');
ffOnSend('NS_ERROR_NET_ON_RESOLVED', 'offline', 'NS_ERROR_NET_ON_RESOLVED (Firefox "no network")');
ffOnSend('NS_ERROR_ABORT', 'blocked-by-extension', 'NS_ERROR_ABORT (usually another extension)');
ffOnSend('NS_ERROR_TRACKING_URI', 'blocked-by-extension', 'NS_ERROR_TRACKING_URI; blocking and timing: ETP');
ffOnSend('NS_ERROR_FINGERPRINTING_URI', 'blocked-by-extension', 'NS_ERROR_FINGERPRINTING_URI');
ffOnSend('Peer’s Certificate has expired.', 'clock-wrong', 'NSS message (ChannelWrapper GetErrorString); ≈ ERR_CERT_DATE_INVALID', {
  expectConfidence: 'not-high',
});
ffOnSend('NS_ERROR_NET_RESET', 'firewall', 'NS_ERROR_NET_RESET on the socket; websocket', {}, 'im-ws');

// ═══ 5. Single vs confirmed, im-api vs www (DESIGN "one failed request never decides") ═══════
sc(
  'net-confirm',
  'one stray reset on www, nothing failed',
  'Chrome net errors: ERR_CONNECTION_RESET; diagnosis practice: never decide on one failure',
  ev({ page: healthyChat(), net: [chrome('ERR_CONNECTION_RESET', 'www')] }),
  null,
);
sc(
  'net-confirm',
  'two resets 2 s apart on www, nothing failed',
  'blocking and timing: retry after 5–10 s',
  ev({ page: healthyChat(), net: twice((t) => chrome('ERR_CONNECTION_RESET', 'www', t), 2000) }),
  null,
);
sc(
  'net-confirm',
  'two resets 6 s apart on www (Chrome), nothing failed',
  'Chrome net errors; DESIGN two failures ≥ 5 s',
  ev({ page: healthyChat(), net: twice((t) => chrome('ERR_CONNECTION_RESET', 'www', t)) }),
  'firewall',
);
sc(
  'net-confirm',
  'two NS_ERROR_NET_RESET 6 s apart on im-api, no page yet',
  'Firefox NS errors; DESIGN two failures ≥ 5 s',
  ev({ net: twice((t) => firefox('NS_ERROR_NET_RESET', 'im-api', t)) }),
  'firewall',
);
sc(
  'net-confirm',
  'dns errors twice on www-api, nothing failed',
  'Chrome net errors: ERR_NAME_NOT_RESOLVED',
  ev({ page: healthyChat(), net: twice((t) => chrome('ERR_NAME_NOT_RESOLVED', 'www-api', t)) }),
  'dns-blocked',
  { top3: ['dns-blocked', 'dns-failure'] },
);
sc(
  'net-confirm',
  'offline twice (Firefox NS_ERROR_NET_ON_RESOLVED), no page',
  'Firefox NS errors: offline',
  ev({ net: twice((t) => firefox('NS_ERROR_NET_ON_RESOLVED', 'www', t)) }),
  'offline',
);
sc(
  'net-confirm',
  'timeouts twice on im-ws',
  'Firefox NS errors: NS_ERROR_NET_TIMEOUT; websocket: socket',
  ev({ page: healthyChat(), net: twice((t) => firefox('NS_ERROR_NET_TIMEOUT', 'im-ws', t)) }),
  'slow-connection',
  { top3: ['slow-connection', 'firewall'], expectConfidence: 'not-high' },
);
sc(
  'net-confirm',
  'blocked-by-client twice on im-api, chat healthy so far',
  'Chrome net errors: ERR_BLOCKED_BY_CLIENT',
  ev({ page: healthyChat(), net: twice((t) => chrome('ERR_BLOCKED_BY_CLIENT', 'im-api', t)) }),
  'blocked-by-extension',
);
sc(
  'net-confirm',
  'one dns error on www confirmed by the DNS check (blocked)',
  'DNS: only TikTok fails → dns-blocked',
  ev({
    page: healthyChat(),
    net: [chrome('ERR_NAME_NOT_RESOLVED', 'www')],
    checks: [check('dns', 'fail', 'dns.blocked', { source: 'compare' })],
  }),
  'dns-blocked',
  { expectConfidence: 'high' },
);
sc(
  'net-confirm',
  'one timeout on www confirmed by reach-www timing out',
  'Chrome net errors: ERR_TIMED_OUT; diagnosis practice: layered funnel',
  ev({
    page: healthyChat(),
    net: [chrome('ERR_TIMED_OUT', 'www')],
    checks: [check('reach-www', 'fail', 'reach.timeout', { ms: 5000 }), check('online', 'pass', 'online.ok')],
  }),
  'slow-connection',
  { top3: ['slow-connection', 'firewall'], expectConfidence: 'not-high' },
);
sc(
  'net-confirm',
  'a single im-api reset with no failed send',
  'diagnosis practice: never decide on one failure',
  ev({ page: healthyChat(), net: [chrome('ERR_CONNECTION_RESET', 'im-api')] }),
  null,
);

// ═══ 6. HTTP-level signals (HTTP signals) ════════════════════════════════════════════════════════════
sc('http', 'failed send, IM answered 429', 'HTTP signals: HTTP 429', ev({ page: failedBubble(), net: [http(429)] }), 'sending-too-fast');
sc(
  'http',
  '429 twice on www-api, nothing failed',
  'HTTP signals: HTTP 429',
  ev({ page: healthyChat(), net: twice((t) => http(429, 'www-api', t)) }),
  'sending-too-fast',
);
sc(
  'http',
  'failed send, IM answered 503',
  'HTTP signals: 5xx → temporary-glitch unless corroborated',
  ev({ page: failedBubble(), net: [http(503)] }),
  'temporary-glitch',
  { expectConfidence: 'not-high' },
);
sc('http', 'failed send, IM answered 500', 'HTTP signals: 5xx', ev({ page: failedBubble(), net: [http(500)] }), 'temporary-glitch', {
  top3: ['temporary-glitch', 'tiktok-outage'],
  expectConfidence: 'not-high',
});
sc(
  'http',
  'failed send, IM 502 twice 6 s apart',
  'HTTP signals: 5xx repeated on one host',
  ev({ page: failedBubble(), net: twice((t) => http(502, 'im-api', t)) }),
  'temporary-glitch',
  { top3: ['temporary-glitch', 'tiktok-outage'], expectConfidence: 'not-high' },
);
sc(
  'http',
  '5xx repeated across im-api and www, failed send',
  'HTTP signals: "5xx repeated across TikTok hosts"; diagnosis practice: two signals',
  ev({ page: failedBubble(), net: [http(502, 'im-api', FAIL_AT - 9000), http(503, 'www', FAIL_AT - 5000), http(503, 'im-api')] }),
  'tiktok-outage',
  { top3: ['tiktok-outage', 'temporary-glitch'], expectConfidence: 'not-high' },
);
sc(
  'http',
  'failed send, IM answered 403',
  'HTTP signals: HTTP 403 → account-restricted',
  ev({ page: failedBubble(), net: [http(403)] }),
  'account-restricted',
  { top3: ['account-restricted', 'logged-out'] },
);
sc(
  'http',
  'failed send, IM answered 401',
  'HTTP signals: session (200001/200005 → logged-out); 401 Unauthorized',
  ev({ page: failedBubble(), net: [http(401)] }),
  'logged-out',
  { top3: ['logged-out', 'account-restricted'] },
);
sc(
  'http',
  'a single 503 on www, nothing failed',
  'diagnosis practice: never decide on one failure',
  ev({ page: healthyChat(), net: [http(503, 'www')] }),
  null,
);
sc(
  'http',
  'a single 429 on www-api, nothing failed',
  'diagnosis practice: never decide on one failure',
  ev({ page: healthyChat(), net: [http(429, 'www-api')] }),
  null,
);
sc(
  'http',
  'im-api root answers 404 (TLB edge)',
  'HTTP signals: 404 = reachable',
  ev({ page: healthyChat(), net: [http(404, 'im-api'), http(404, 'im-api', FAIL_AT - 8000)] }),
  null,
);
sc(
  'http',
  'im-ws over HTTPS answers 400',
  'websocket: plain GET → 400; HTTP signals',
  ev({ page: healthyChat(), net: [http(400, 'im-ws'), http(400, 'im-ws', FAIL_AT - 9000)] }),
  null,
);
sc(
  'http',
  'region page with a 503',
  'English notices: India "some 503s"; region blocks: service block',
  ev({ page: pageKind('region-unavailable', 'Our services are not available in your country or region'), net: [http(503, 'www')] }),
  'region-unavailable',
);
sc(
  'http',
  'error page corroborated by 5xx on two hosts',
  'English notices: error page; HTTP signals: 5xx across hosts',
  ev({ page: pageKind('error', 'Something went wrong'), net: [http(503, 'www', FAIL_AT - 9000), http(502, 'im-api', FAIL_AT - 2000)] }),
  'tiktok-outage',
  { top3: ['tiktok-outage', 'temporary-glitch'], expectConfidence: 'not-high' },
);

// ═══ 7. Active checks (DNS, captive portal, clock, online state, proxy) ════════════════════════════════════════════════════════════
sc(
  'checks',
  'browser says offline, nothing else',
  'clock, online, proxy: navigator.onLine false',
  ev({ checks: [check('online', 'fail', 'online.offline')] }),
  'offline',
  { expectConfidence: 'high' },
);
sc(
  'checks',
  'offline: failed send, NS_ERROR_OFFLINE, online check fails',
  'Firefox NS errors: NS_ERROR_OFFLINE; clock, online, proxy',
  ev({ page: failedBubble(), net: [firefox('NS_ERROR_OFFLINE')], checks: [check('online', 'fail', 'online.offline')] }),
  'offline',
  { expectConfidence: 'high' },
);
sc(
  'checks',
  'dns: IM name fails, DoH answers, other names work',
  'DNS: only TikTok fails → dns-blocked',
  ev({
    page: failedBubble(),
    net: [chrome('ERR_NAME_NOT_RESOLVED')],
    checks: [check('dns', 'fail', 'dns.blocked', { source: 'compare', other: 'ok' })],
  }),
  'dns-blocked',
  { expectConfidence: 'high' },
);
sc(
  'checks',
  'dns: every name fails locally, DoH answers',
  'DNS: BAD_CONFIG → dns-failure',
  ev({ page: failedBubble(), net: [chrome('ERR_NAME_NOT_RESOLVED')], checks: [check('dns', 'fail', 'dns.failure')] }),
  'dns-failure',
  { expectConfidence: 'high' },
);
sc(
  'checks',
  'dns: sinkhole answer (0.0.0.0)',
  'DNS: blockers answer 0.0.0.0',
  ev({ page: failedBubble(), net: [chrome('ERR_ADDRESS_INVALID')], checks: [check('dns', 'fail', 'dns.sinkhole', { source: 'doh' })] }),
  'dns-blocked',
);
sc(
  'checks',
  'dns: no internet (DoH by address unreachable too)',
  'DNS: NO_INTERNET',
  ev({ page: failedBubble(), net: [firefox('NS_ERROR_UNKNOWN_HOST')], checks: [check('dns', 'fail', 'dns.noInternet')] }),
  'offline',
  { top3: ['offline', 'dns-failure'] },
);
sc(
  'checks',
  'captive portal detected, TLS errors on the send',
  'captive portal: portal; Chrome net errors: ERR_CERT_*',
  ev({
    page: failedBubble(),
    net: [chrome('ERR_CERT_COMMON_NAME_INVALID')],
    checks: [check('captive-portal', 'fail', 'portal.detected', { status: 302 })],
  }),
  'captive-portal',
  { expectConfidence: 'high' },
);
sc(
  'checks',
  'captive portal detected, nothing else',
  'captive portal: portal',
  ev({ checks: [check('captive-portal', 'fail', 'portal.detected', { status: 200 })] }),
  'captive-portal',
);
sc(
  'checks',
  'clock wrong confirms ERR_CERT_DATE_INVALID',
  'clock, online, proxy: clock skew; Chrome net errors: ERR_CERT_DATE_INVALID',
  ev({
    page: failedBubble(),
    net: [chrome('ERR_CERT_DATE_INVALID')],
    checks: [check('clock', 'fail', 'clock.wrong', { skewS: 86400, direction: 'behind' })],
  }),
  'clock-wrong',
  { expectConfidence: 'high' },
);
sc(
  'checks',
  'clock wrong, nothing else',
  'clock, online, proxy: clock skew',
  ev({ checks: [check('clock', 'fail', 'clock.wrong', { skewS: 3600, direction: 'ahead' })] }),
  'clock-wrong',
);
sc(
  'checks',
  'proxy errors twice: proxy check fails',
  'clock, online, proxy: proxy errors; DESIGN blame it only on its own errors',
  ev({
    page: failedBubble(),
    net: twice((t) => chrome('ERR_PROXY_CONNECTION_FAILED', 'im-api', t)),
    checks: [check('proxy', 'fail', 'proxy.errors', { count: 2 })],
  }),
  'proxy-vpn',
  { expectConfidence: 'high' },
);
sc(
  'checks',
  'reset on www confirmed by reach-www failing',
  'Chrome net errors: ERR_CONNECTION_RESET',
  ev({
    page: failedBubble(),
    net: [chrome('ERR_CONNECTION_RESET', 'www')],
    checks: [
      check('reach-www', 'fail', 'reach.failed', { ms: 80, cls: 'connection-reset', error: 'net::ERR_CONNECTION_RESET' }),
      check('online', 'pass', 'online.ok'),
    ],
  }),
  'firewall',
);
sc(
  'checks',
  'slow IM host and an IM timeout on the send',
  'clock, online, proxy: latency; Chrome net errors: ERR_TIMED_OUT',
  ev({
    page: failedBubble(),
    net: [chrome('ERR_TIMED_OUT')],
    checks: [
      check('reach-im-api', 'warn', 'reach.slow', { ms: 2400, status: 404 }),
      check('reach-www', 'warn', 'reach.slow', { ms: 2100, status: 200 }),
    ],
  }),
  'slow-connection',
);
sc(
  'checks',
  'socket fails and the websocket check fails',
  'webRequest: socket reset = ERR_FAILED; websocket',
  ev({
    page: failedBubble(),
    net: [chrome('ERR_FAILED', 'im-ws')],
    checks: [check('im-websocket', 'fail', 'ws.failed', { ms: 40, when: 'error' }), check('reach-im-api', 'pass', 'reach.ok')],
  }),
  'firewall',
  { top3: ['firewall', 'proxy-vpn'], expectConfidence: 'not-high' },
);
sc(
  'checks',
  'browser too old, failed send with no notice',
  'DESIGN browser version check; help per cause: outdated-browser',
  ev({ page: failedBubble(), net: [imOk()], checks: [check('browser-version', 'fail', 'browser.tooOld', { version: 90 })] }),
  'outdated-browser',
  { expectConfidence: 'not-high' },
);
sc(
  'checks',
  'TLS errors on the send, captive-portal check passes',
  'Chrome net errors: ERR_CERT_* → firewall / portal / proxy',
  ev({ page: failedBubble(), net: [chrome('ERR_CERT_AUTHORITY_INVALID')], checks: [check('captive-portal', 'pass', 'portal.none')] }),
  'firewall',
  { top3: ['firewall', 'proxy-vpn'] },
);
sc(
  'checks',
  'cert date invalid but the clock is right',
  'clock, online, proxy: "confirm via Date"; other ERR_CERT_* → firewall',
  ev({ page: failedBubble(), net: [chrome('ERR_CERT_DATE_INVALID')], checks: [check('clock', 'pass', 'clock.ok', { skewS: 1 })] }),
  'firewall',
  { expectConfidence: 'not-high' },
);

// ═══ 8. Checks that did not run count for nothing (diagnosis practice: "Not run is never green") ═════════════
sc(
  'skipped',
  'E3 with every check skipped',
  'diagnosis practice: kNotRun',
  ev({ page: failedBubble(E[3]), net: [imOk()], checks: allSkipped() }),
  'recipient-settings',
  { expectConfidence: 'high' },
);
sc(
  'skipped',
  'dns error on the send, DNS check skipped (no consent)',
  'DNS: DoH needs consent',
  ev({ page: failedBubble(), net: [chrome('ERR_NAME_NOT_RESOLVED')], checks: [skippedCheck('dns', 'dns.noConsent')] }),
  'dns-blocked',
  { top3: ['dns-blocked', 'dns-failure'], expectConfidence: 'not-high' },
);
sc(
  'skipped',
  'confirmed resets with reach checks skipped',
  'diagnosis practice: kNotRun',
  ev({ page: healthyChat(), net: twice((t) => chrome('ERR_CONNECTION_RESET', 'www', t)), checks: allSkipped() }),
  'firewall',
);
sc(
  'skipped',
  'a healthy chat with every check skipped',
  'diagnosis practice: kNotRun',
  ev({ page: healthyChat(), checks: allSkipped() }),
  null,
);
sc(
  'skipped',
  'a single timeout, portal check interrupted',
  'diagnosis practice: kNotRun; DESIGN interrupted = skipped',
  ev({
    page: healthyChat(),
    net: [chrome('ERR_TIMED_OUT', 'www')],
    checks: [skippedCheck('captive-portal', 'check.interrupted'), skippedCheck('reach-www', 'check.interrupted')],
  }),
  null,
);
sc(
  'skipped',
  'checks still running count for nothing',
  'diagnosis practice: kNotRun',
  ev({ page: failedBubble(E[1]), net: [imOk()], checks: CHECK_IDS.map((id) => check(id, 'running', 'check.running')) }),
  'sending-too-fast',
  { expectConfidence: 'high' },
);
sc(
  'skipped',
  'portal probe had no result (503 Retry-After)',
  'captive portal: 503 = retry later',
  ev({
    page: failedBubble(),
    net: [chrome('ERR_CONNECTION_TIMED_OUT')],
    checks: [check('captive-portal', 'skipped', 'portal.retryLater')],
  }),
  'slow-connection',
  { top3: ['slow-connection', 'firewall', 'captive-portal'] },
);

// ═══ 9. Answers: the causes with no web signal (what the page never shows) ═══════════════════════════
sc(
  'answers',
  'fails with everyone, under 16',
  'failure markers: no under-16 note; help per cause: under-16',
  ev({ page: failedBubble(), net: [imOk()], answers: { 'fails-with-everyone': true, 'age-16': false } }),
  'under-16',
);
sc(
  'answers',
  'fails with everyone, Family Pairing on',
  'failure markers: no family-pairing note; help per cause',
  ev({ page: failedBubble(), net: [imOk()], answers: { 'fails-with-everyone': true, 'age-16': true, 'family-pairing': true } }),
  'family-pairing',
);
sc(
  'answers',
  'fails with everyone, no phone number',
  'help per cause: phone-unverified',
  ev({ page: failedBubble(), net: [imOk()], answers: { 'fails-with-everyone': true, 'age-16': true, 'phone-added': false } }),
  'phone-unverified',
);
sc(
  'answers',
  'fails with everyone, age/phone/family ruled out',
  'help per cause: own-dm-settings (no web signal); E8/403 absent',
  ev({
    page: failedBubble(),
    net: [imOk()],
    answers: { 'fails-with-everyone': true, 'age-16': true, 'phone-added': true, 'family-pairing': false },
  }),
  'own-dm-settings',
  { top3: ['own-dm-settings', 'account-restricted', 'dm-ban'], expectConfidence: 'not-high' },
);
sc(
  'answers',
  'fails with everyone: a question follows',
  'diagnosis practice: ask the cheapest separating question',
  ev({ page: failedBubble(), net: [imOk()], answers: { 'fails-with-everyone': true } }),
  'under-16',
  { top3: ['under-16', 'phone-unverified'], expectQuestion: true, expectConfidence: 'not-high' },
);
sc(
  'answers',
  'they do not follow back',
  'diagnosis practice: "Does this person follow you back?"',
  ev({ page: failedBubble(), net: [imOk()], answers: { 'follows-back': false } }),
  'not-friends',
);
sc(
  'answers',
  'they follow back',
  'diagnosis practice; help per cause: recipient-settings',
  ev({ page: failedBubble(), net: [imOk()], answers: { 'follows-back': true } }),
  'recipient-settings',
);
sc(
  'answers',
  'they follow back, and it works with others',
  'diagnosis practice',
  ev({ page: failedBubble(), net: [imOk()], answers: { 'follows-back': true, 'fails-with-everyone': false } }),
  'recipient-settings',
);
sc(
  'answers',
  'sent many messages in a row',
  'help per cause: sending-too-fast; IM status codes: 7180',
  ev({ page: failedBubble(), net: [imOk()], answers: { 'sent-many': true } }),
  'sending-too-fast',
  { top3: ['sending-too-fast', 'chat-limit'] },
);
sc(
  'answers',
  'dns error, other sites work',
  'DNS: only TikTok fails → dns-blocked',
  ev({ page: failedBubble(), net: [chrome('ERR_NAME_NOT_RESOLVED')], answers: { 'other-sites-work': true } }),
  'dns-blocked',
);
sc(
  'answers',
  "E1 notice: answers do not overturn TikTok's sentence",
  'English notices: E1',
  ev({ page: failedBubble(E[1]), net: [imOk()], answers: { 'sent-many': false } }),
  'sending-too-fast',
);

// ═══ 10. Mixed and conflicting evidence ══════════════════════════════════════════════════════
sc(
  'mixed',
  'E3 plus one stray reset on www',
  'English notices: E3; diagnosis practice: never decide on one failure',
  ev({ page: failedBubble(E[3]), net: [imOk(), chrome('ERR_CONNECTION_RESET', 'www')] }),
  'recipient-settings',
);
sc(
  'mixed',
  'E1 plus IM 429',
  'English notices: E1; HTTP signals: 429',
  ev({ page: failedBubble(E[1]), net: [http(429)] }),
  'sending-too-fast',
  { expectConfidence: 'high' },
);
sc(
  'mixed',
  'E2 but the IM request also failed in transport',
  "English notices: E2 (TikTok's own sentence); Chrome net errors",
  ev({ page: failedBubble(E[2]), net: [chrome('ERR_CONNECTION_RESET')] }),
  'not-friends',
);
sc(
  'mixed',
  'E6 plus a confirmed 5xx',
  'English notices: E6; HTTP signals',
  ev({ page: failedBubble(E[6]), net: twice((t) => http(503, 'www', t)) }),
  'recipient-suspended',
);
sc(
  'mixed',
  'block note plus one blocked-by-client on www',
  'i18n keys: block note; Chrome net errors',
  ev({ page: report({ composer: 'block-note', notice: notice(BLOCK_NOTE, 'composer') }), net: [chrome('ERR_BLOCKED_BY_CLIENT', 'www')] }),
  'blocked',
);
sc(
  'mixed',
  'failed bubble, IM blocked-by-client (uBlock)',
  'Chrome net errors: ERR_BLOCKED_BY_CLIENT; blocking and timing: uBO breakage',
  ev({ page: failedBubble(), net: [chrome('ERR_BLOCKED_BY_CLIENT')] }),
  'blocked-by-extension',
  { expectConfidence: 'high' },
);
sc(
  'mixed',
  'failed bubble, IM request never seen (Brave Shields)',
  'DESIGN invisible blockers; blocking and timing: Brave',
  ev({ page: failedBubble() }),
  'blocked-by-extension',
  { expectConfidence: 'not-high' },
);
sc(
  'mixed',
  'failed bubble seconds ago, IM request not seen yet',
  'DESIGN (window not over)',
  ev({ page: failedBubble(), now: FAIL_AT + 500 }),
  'not-friends',
  { top3: POLICY_AMBIGUOUS, expectConfidence: 'not-high' },
);
sc(
  'mixed',
  'confirmed resets on the send but reach checks pass',
  'diagnosis practice: layered funnel; conflicting',
  ev({ page: failedBubble(), net: twice((t) => chrome('ERR_CONNECTION_RESET', 'im-api', t)), checks: allPass() }),
  'temporary-glitch',
  { top3: ['temporary-glitch', 'firewall'], expectConfidence: 'not-high' },
);
sc(
  'mixed',
  'confirmed dns errors but the DNS check passes now',
  'DNS; conflicting',
  ev({
    page: failedBubble(),
    net: twice((t) => chrome('ERR_NAME_NOT_RESOLVED', 'im-api', t)),
    checks: [check('dns', 'pass', 'dns.ok', { browser: 'ok' })],
  }),
  'temporary-glitch',
  { expectConfidence: 'not-high' },
);
sc(
  'mixed',
  'proxy in use (no errors) and E2',
  'clock, online, proxy: proxy is context, not a fault',
  ev({ page: failedBubble(E[2]), net: [imOk()], checks: [check('proxy', 'pass', 'proxy.inUse')] }),
  'not-friends',
);
sc(
  'mixed',
  'a single 503 with a failed send and passing checks',
  'HTTP signals; diagnosis practice',
  ev({ page: failedBubble(), net: [http(503)], checks: allPass() }),
  'temporary-glitch',
  { expectConfidence: 'not-high' },
);
sc(
  'mixed',
  'E1 while the clock is slightly off (warn)',
  'English notices: E1; clock, online, proxy: warn ≠ fail',
  ev({ page: failedBubble(E[1]), net: [imOk()], checks: [check('clock', 'warn', 'clock.off', { skewS: 120 })] }),
  'sending-too-fast',
);
sc(
  'mixed',
  'browser slightly old (warn) and E10',
  'English notices: E10',
  ev({ page: failedBubble(E[10]), net: [imOk()], checks: [check('browser-version', 'warn', 'browser.old')] }),
  'chat-limit',
);
sc(
  'mixed',
  'E8 ban plus a single IM 403',
  'English notices: E8; HTTP signals: 403',
  ev({ page: failedBubble(E[8]), net: [http(403)] }),
  'dm-ban',
);
sc(
  'mixed',
  'login page plus a login redirect',
  'inbox URLs; English notices',
  ev({ page: pageKind('login'), net: [loginRedirect()] }),
  'logged-out',
  { expectConfidence: 'high' },
);

// ═══ 11. Earlier vs fresh, cleared ═══════════════════════════════════════════════════════════
sc(
  'earlier-cleared',
  'E6 already in the history',
  'DESIGN earlier failures; English notices: E6',
  ev({ page: failedBubble(E[6], { fresh: false }), net: [imOk()] }),
  'recipient-suspended',
  { expectEarlier: true },
);
sc('earlier-cleared', 'E1 fresh is not earlier', 'DESIGN', ev({ page: failedBubble(E[1]), net: [imOk()] }), 'sending-too-fast', {
  expectEarlier: false,
});
sc(
  'earlier-cleared',
  'earlier failure, no notice, no IM traffic (not a blocker)',
  'DESIGN earlier; im-missing needs a fresh failure',
  ev({ page: failedBubble(undefined, { fresh: false }) }),
  'not-friends',
  { top3: POLICY_AMBIGUOUS, expectEarlier: true, expectConfidence: 'not-high' },
);
sc(
  'earlier-cleared',
  'E1 cleared by a later successful send',
  'DESIGN later success clears',
  ev({ page: failedBubble(E[1], { cleared: true }), net: [imOk(FAIL_AT - 400), imOk(FAIL_AT + 8000)] }),
  null,
);
sc(
  'earlier-cleared',
  'earlier E3 cleared by a later send',
  'DESIGN',
  ev({ page: failedBubble(E[3], { fresh: false, cleared: true }), net: [imOk()] }),
  null,
);
sc(
  'earlier-cleared',
  'failed send with a reset, then cleared',
  'DESIGN later success clears',
  ev({ page: failedBubble(undefined, { cleared: true }), net: [chrome('ERR_CONNECTION_RESET'), imOk(FAIL_AT + 7000)] }),
  null,
);
sc(
  'earlier-cleared',
  'confirmed IM resets, then IM answers again; chat healthy',
  'DESIGN later success clears',
  ev({ page: healthyChat(), net: [...twice((t) => chrome('ERR_CONNECTION_RESET', 'im-api', t), 6000, FAIL_AT - 6000), imOk(FAIL_AT)] }),
  null,
);

// ═══ 12. Healthy: no problem ═════════════════════════════════════════════════════════════════
sc('healthy', 'nothing at all', 'DESIGN no trigger', ev(), null);
sc('healthy', 'healthy chat (dm-new), IM answered', 'DOM generations', ev({ page: healthyChat(), net: [imOk()] }), null);
sc('healthy', 'healthy chat (legacy)', 'DOM generations: older', ev({ page: healthyChat('legacy') }), null);
sc('healthy', 'inbox with no chat open', 'inbox URLs: inbox', ev({ page: report({ chatOpen: false, composer: 'no-chat' }) }), null);
sc(
  'healthy',
  'page still loading (unknown, waiting)',
  'DESIGN recognition waiting',
  ev({ page: report({ generation: 'unknown', page: 'unknown', chatOpen: false, composer: 'no-chat' }, { recognition: 'waiting' }) }),
  null,
);
sc(
  'healthy',
  'aborted requests only (ERR_ABORTED, NS_BINDING_ABORTED)',
  'blocking and timing: ignore aborts',
  ev({ page: healthyChat(), net: [...twice((t) => chrome('ERR_ABORTED', 'www', t)), firefox('NS_BINDING_ABORTED', 'im-api')] }),
  null,
);
sc(
  'healthy',
  'proxy in use, no errors',
  'clock, online, proxy: proxy is context',
  ev({ page: healthyChat(), checks: [check('proxy', 'pass', 'proxy.inUse')] }),
  null,
);
sc('healthy', 'every check passes', 'diagnosis practice', ev({ page: healthyChat(), checks: allPass() }), null);
sc(
  'healthy',
  'slow but reachable (warn only)',
  'diagnosis practice: warn ≠ fail',
  ev({ page: healthyChat(), checks: [check('reach-www', 'warn', 'reach.slow', { ms: 1800 }), check('clock', 'warn', 'clock.off')] }),
  null,
);
sc(
  'healthy',
  'old browser alone',
  'DESIGN (browser version is context)',
  ev({ page: healthyChat(), checks: [check('browser-version', 'fail', 'browser.tooOld')] }),
  null,
);
sc(
  'healthy',
  'unknown toast with no failed send',
  'notice texts: unknown text lowers nothing',
  ev({ page: report({ notice: notice('Link copied', 'toast') }) }),
  null,
);
sc(
  'healthy',
  'failure report from a tab that left /messages',
  'DESIGN watch /messages only',
  ev({ onMessages: false, page: failedBubble(E[3]) }),
  null,
);
sc(
  'healthy',
  'one stray timeout on im-ws',
  'diagnosis practice: never decide on one failure',
  ev({ page: healthyChat(), net: [firefox('NS_ERROR_NET_TIMEOUT', 'im-ws')] }),
  null,
);

// ═══ 13. Sent statuses: 7174 / 7178 / 7192 are sends, not failures (IM status codes) ═════════════════════
// Their sentence may explain a failed bubble beside it; alone, wherever it shows, it is no problem.
sc(
  'sent-codes',
  '7174 cap as a toast, no failed bubble',
  'IM status codes: 7174 = sent',
  ev({ page: report({ notice: notice(T7174, 'toast') }), net: [imOk()] }),
  null,
);
sc(
  'sent-codes',
  '7174 cap in a dialog, no failed bubble',
  'IM status codes: 7174 = sent',
  ev({ page: report({ notice: notice(T7174, 'dialog') }) }),
  null,
);
sc(
  'sent-codes',
  '7174 cap where the composer is, no failed bubble',
  'IM status codes: 7174 = sent',
  ev({ page: report({ notice: notice(T7174, 'composer') }) }),
  null,
);
sc(
  'sent-codes',
  '7174 cap as page text, no failed bubble',
  'IM status codes: 7174 = sent',
  ev({ page: report({ notice: notice(T7174, 'page') }) }),
  null,
);
sc(
  'sent-codes',
  '7174 cap as a send-fail tip with no failed bubble',
  'IM status codes: 7174 = sent',
  ev({ page: report({ notice: notice(T7174) }), net: [imOk()] }),
  null,
);
sc(
  'sent-codes',
  '7174 cap (truncated wording), toast, no failed bubble',
  'English notices: older cap; IM status codes',
  ev({ page: report({ notice: notice('You can only send 3 messages', 'toast') }) }),
  null,
);
sc(
  'sent-codes',
  '7174 cap as a toast beside a failed bubble explains it',
  'IM status codes: 7174; English notices: older cap',
  ev({ page: failedBubble(T7174, { source: 'toast' }), net: [imOk()] }),
  'request-pending',
  { expectConfidence: 'high' },
);
sc(
  'sent-codes',
  '7174 cap beside an earlier failed bubble',
  'IM status codes: 7174; DESIGN earlier',
  ev({ page: failedBubble(T7174, { fresh: false }), net: [imOk()] }),
  'request-pending',
  { expectEarlier: true },
);
sc(
  'sent-codes',
  '7174 cap, failure cleared by a later send',
  'IM status codes: 7174; DESIGN later success clears',
  ev({ page: failedBubble(T7174, { source: 'toast', cleared: true }), net: [imOk(), imOk(FAIL_AT + 8000)] }),
  null,
);
sc(
  'sent-codes',
  '7174 cap toast while a 7193 bubble failed',
  'IM status codes: 7174 then 7193',
  ev({ page: failedBubble(T7193), net: [imOk()] }),
  'request-pending',
  { expectConfidence: 'high' },
);

// ═══ 14. Server trouble: 5xx from TikTok's hosts (HTTP signals, diagnosis practice) ══════════════════════════════════
const IM_SEND = 'https://im-api.tiktok.com/v1/message/send?aid=1988';
/** The send and its quick retries, all answered 503 (a second apart: not ≥ 5 s). */
const sendAndRetries = (n: number, last = FAIL_AT - 400, gap = 1000): NetFact[] =>
  Array.from({ length: n }, (_, i) => http(503, 'im-api', last - (n - 1 - i) * gap));
const CHECKS_5XX = [answered('reach-www', 503), answered('reach-im-api', 503), answered('im-websocket', 503)];
const healthyReach = [answered('reach-www', 200), answered('reach-im-api', 404), answered('im-websocket', 400)];
const otherChecks = allPass(['reach-www', 'reach-im-api', 'im-websocket']);
sc(
  'server-trouble',
  'send + retry 503, the check gets 503 from www, IM API and socket',
  'HTTP signals: 5xx across TikTok hosts; diagnosis practice: two signals',
  ev({ page: failedBubble(), net: sendAndRetries(2), checks: [...otherChecks, ...CHECKS_5XX] }),
  'tiktok-outage',
  { expectConfidence: 'high', expectQuestion: false },
);
sc(
  'server-trouble',
  'send + retry 503, the check gets 503 from www only',
  'HTTP signals; diagnosis practice',
  ev({
    page: failedBubble(),
    net: sendAndRetries(2),
    checks: [...otherChecks, answered('reach-www', 503), answered('reach-im-api', 404), answered('im-websocket', 400)],
  }),
  'tiktok-outage',
  { expectConfidence: 'high' },
);
sc(
  'server-trouble',
  'earlier failed bubble, send + retry 503 after it, check 503 everywhere',
  'HTTP signals; DESIGN earlier',
  ev({ page: failedBubble(undefined, { fresh: false }), net: sendAndRetries(2, FAIL_AT + 3000), checks: [...otherChecks, ...CHECKS_5XX] }),
  'tiktok-outage',
  { expectConfidence: 'high', expectEarlier: true },
);
sc(
  'server-trouble',
  'send + retry 502/504 with checks 500 on www and IM API',
  'HTTP signals: any 5xx',
  ev({
    page: failedBubble(),
    net: [http(502, 'im-api', FAIL_AT - 1400), http(504, 'im-api')],
    checks: [...otherChecks, answered('reach-www', 500), answered('reach-im-api', 500)],
  }),
  'tiktok-outage',
  { expectConfidence: 'high' },
);
sc(
  'server-trouble',
  'send + two retries 503 over 8 s, no check yet',
  'diagnosis practice: several attempts on one host',
  ev({ page: failedBubble(), net: sendAndRetries(3, FAIL_AT - 400, 4000) }),
  'tiktok-outage',
  { top3: ['tiktok-outage', 'temporary-glitch'], expectConfidence: 'medium' },
);
sc(
  'server-trouble',
  'send + retry 503, the check gets 503 from the IM API only',
  'diagnosis practice: several attempts on one host',
  ev({
    page: failedBubble(),
    net: sendAndRetries(2),
    checks: [...otherChecks, answered('reach-www', 200), answered('reach-im-api', 503), answered('im-websocket', 400)],
  }),
  'tiktok-outage',
  { top3: ['tiktok-outage', 'temporary-glitch'], expectConfidence: 'medium' },
);
sc(
  'server-trouble',
  'send + retry 503 a second apart, no check',
  'diagnosis practice: never decide on one failure',
  ev({ page: failedBubble(), net: sendAndRetries(2) }),
  'temporary-glitch',
  { top3: ['temporary-glitch', 'tiktok-outage'], expectConfidence: 'not-high' },
);
sc(
  'server-trouble',
  'a single 503 on the send, checks healthy',
  'HTTP signals: one 5xx = glitch',
  ev({ page: failedBubble(), net: sendAndRetries(1), checks: [...otherChecks, ...healthyReach] }),
  'temporary-glitch',
  { top3: ['temporary-glitch', 'tiktok-outage'], expectConfidence: 'not-high' },
);
sc(
  'server-trouble',
  'a single 503 on the send, checks 503 everywhere',
  'HTTP signals; diagnosis practice: (one page attempt: not high)',
  ev({ page: failedBubble(), net: sendAndRetries(1), checks: [...otherChecks, ...CHECKS_5XX] }),
  'tiktok-outage',
  { expectConfidence: 'not-high' },
);
sc(
  'server-trouble',
  'a single 503 on the send, no check',
  'HTTP signals: one 5xx = glitch',
  ev({ page: failedBubble(), net: observed(IM_SEND, 503) }),
  'temporary-glitch',
  { expectConfidence: 'not-high' },
);
sc(
  'server-trouble',
  'healthy chat, the check alone gets 503 everywhere',
  'DESIGN checks confirm; they make no problem alone',
  ev({ page: healthyChat(), checks: [...otherChecks, ...CHECKS_5XX] }),
  null,
);
sc(
  'server-trouble',
  'error page, the check gets 503 from www and IM API',
  'English notices: error page "tiktok-outage only if corroborated"',
  ev({
    page: pageKind('error', 'Something went wrong'),
    checks: [...otherChecks, answered('reach-www', 503), answered('reach-im-api', 503)],
  }),
  'tiktok-outage',
  { top3: ['tiktok-outage', 'temporary-glitch'], expectConfidence: 'not-high' },
);
sc(
  'server-trouble',
  '5xx only from telemetry hosts, healthy chat',
  'TikTok hosts: Ignore: telemetry',
  ev({
    page: healthyChat(),
    net: [
      ...observed('https://mcs.tiktokv.us/v1/list', 503, FAIL_AT - 9000),
      ...observed('https://mon16-normal-useast5.tiktokv.us/monitor_browser/collect/batch/', 502, FAIL_AT - 4000),
      ...observed('https://webcast.tiktok.com/webcast/feed/', 503),
    ],
  }),
  null,
);
sc(
  'server-trouble',
  '5xx from telemetry hosts beside a failed bubble with E3',
  'TikTok hosts: Ignore; English notices: E3',
  ev({
    page: failedBubble(E[3]),
    net: [
      imOk(),
      ...observed('https://mcs.tiktokv.us/v1/list', 503, FAIL_AT - 9000),
      ...observed('https://mssdk.tiktokw.us/web/report', 503),
    ],
  }),
  'recipient-settings',
  { expectConfidence: 'high' },
);
sc(
  'server-trouble',
  '5xx three times from a non-DM TikTok host, healthy chat',
  'TikTok hosts: DM hosts only',
  ev({
    page: healthyChat(),
    net: [
      ...observed('https://m.tiktok.com/api/x', 503, FAIL_AT - 9000),
      ...observed('https://m.tiktok.com/api/x', 503, FAIL_AT - 4000),
      ...observed('https://m.tiktok.com/api/x', 503),
    ],
  }),
  null,
);

export const SCENARIOS: Scenario[] = S;
