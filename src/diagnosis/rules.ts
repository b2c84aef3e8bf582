import type { CauseId } from '../contracts/cause-ids';
import { CAUSE_SIDES } from '../contracts/cause-ids';
import type { NetErrorClass } from '../contracts/net-classes';
import { SERVER_TIERS, type Weights } from './server-rules';

// Rules are data. Weights are log-odds: +9 is near-proof (TikTok's own sentence, a page structure),
// +2..+4 is a real hint, negative weights argue against. Priors rank causes before any specific
// evidence (src/diagnosis/priors.ts).

const STRONG = 9;
const NETWORK: CauseId[] = [...CAUSE_SIDES.network];
const REACH_RULES_OUT: CauseId[] = ['offline', 'dns-failure', 'dns-blocked', 'proxy-vpn', 'firewall', 'captive-portal', 'slow-connection'];
const ACCOUNT_ONLY: CauseId[] = ['under-16', 'family-pairing', 'phone-unverified', 'own-dm-settings', 'dm-ban', 'account-restricted'];
const RECIPIENT_ONLY: CauseId[] = [
  'not-friends',
  'recipient-settings',
  'request-pending',
  'chat-limit',
  'blocked',
  'recipient-suspended',
  'recipient-restricted',
];
/** Causes TikTok reports as an answer (a notice, an HTTP status), never as a transport failure. */
const POLICY: CauseId[] = [...RECIPIENT_ONLY, ...ACCOUNT_ONLY, 'content-flagged', 'incoming-request', 'sending-too-fast'];

const all = (ids: CauseId[], w: number): Weights => Object.fromEntries(ids.map((id) => [id, w]));

/**
 * Network error class → causes, weighted (the browsers' error tables, interpreted). `once` weights
 * are halved. The one table of which causes a network error class points to.
 */
export const NET: Readonly<Record<NetErrorClass, Weights>> = {
  offline: { offline: 6 },
  dns: { 'dns-failure': 4, 'dns-blocked': 4, 'temporary-glitch': 1 },
  'blocked-by-client': { 'blocked-by-extension': 7 },
  proxy: { 'proxy-vpn': 6 },
  'connection-reset': { firewall: 4.5, 'temporary-glitch': 1 },
  'connection-refused': { 'proxy-vpn': 3.5, offline: 1.5, firewall: 1 },
  'connection-closed': { firewall: 2.5, 'temporary-glitch': 2 },
  timeout: { 'slow-connection': 3, firewall: 2.5, 'captive-portal': 2.5 },
  tls: { firewall: 3.5, 'captive-portal': 3, 'proxy-vpn': 2.5 },
  // Only the Date check confirms a wrong clock; unconfirmed it is one more certificate error.
  'cert-date': { 'clock-wrong': 4.5, firewall: 2.5 },
  'address-unreachable': { 'proxy-vpn': 3.5, offline: 2.5 },
  'admin-block': { firewall: 6 },
  'network-changed': { 'temporary-glitch': 3 },
  websocket: { firewall: 3, 'proxy-vpn': 2, 'captive-portal': 1.5 }, // Chrome's ERR_WS_PROTOCOL_ERROR
  aborted: {},
  other: { 'temporary-glitch': 1 },
};

/** The causes a network error class points to, strongest first. */
export function netCauses(cls: NetErrorClass): CauseId[] {
  return (Object.entries(NET[cls] ?? {}) as [CauseId, number][]).sort((a, b) => b[1] - a[1]).map(([id]) => id);
}

/** Secondary meanings of TikTok's sentences ("only friends" is not-friends or the recipient's settings). */
const NOTICE_ALSO: Partial<Record<CauseId, Weights>> = {
  'not-friends': { 'recipient-settings': 6.5 },
};
/** Sentences too generic to be near-proof: "Something went wrong", "Page not available". */
const NOTICE_WEAK: Partial<Record<CauseId, Weights>> = {
  'temporary-glitch': { 'temporary-glitch': 1, 'tiktok-outage': 0.5 },
};

const HTTP: Record<string, Weights> = {
  'rate-limited': { 'sending-too-fast': 6 },
  // An HTTP refusal of the request itself: a recipient's refusal would come as a 200 with a tip.
  auth: { 'account-restricted': 3, 'logged-out': 1.5, ...all(RECIPIENT_ONLY, -2) },
  'auth-401': { 'logged-out': 3, 'account-restricted': 1.5, ...all(RECIPIENT_ONLY, -2) },
  'login-redirect': { 'logged-out': STRONG },
};

export const QUESTIONS: Record<string, { yes: Weights; no: Weights }> = {
  'fails-with-everyone': {
    yes: { ...all(ACCOUNT_ONLY, 2.5), ...all(RECIPIENT_ONLY, -2) },
    no: { ...all(ACCOUNT_ONLY, -3), ...all(RECIPIENT_ONLY, 1) },
  },
  // An answer is the weakest evidence (DESIGN): "no" alone should not make not-friends certain.
  'follows-back': { yes: { 'not-friends': -5, 'request-pending': -2.5 }, no: { 'not-friends': 2.5, 'request-pending': 1.5 } },
  'age-16': { yes: { 'under-16': -8 }, no: { 'under-16': 8 } },
  'family-pairing': { yes: { 'family-pairing': 6 }, no: { 'family-pairing': -6 } },
  'phone-added': { yes: { 'phone-unverified': -5 }, no: { 'phone-unverified': 5 } },
  'sent-many': { yes: { 'sending-too-fast': 3, 'chat-limit': 2 }, no: { 'sending-too-fast': -3, 'chat-limit': -1.5 } },
  'other-sites-work': {
    yes: { offline: -5, 'dns-failure': -2, 'captive-portal': -2 },
    no: { offline: 3, 'dns-failure': 2, 'captive-portal': 2 },
  },
};

/** The question ids the popup may answer: nothing else is accepted or stored. */
export const QUESTION_IDS = Object.keys(QUESTIONS) as [string, ...string[]];

/** The weights a fact id carries. */
export function weightsFor(factId: string): Weights {
  const [kind, a, b] = factId.split(':');
  switch (kind) {
    case 'failed-send':
      return {};
    case 'notice':
      if (!a) return {};
      return NOTICE_WEAK[a as CauseId] ?? { ...NOTICE_ALSO[a as CauseId], [a]: STRONG };
    case 'notice-unknown':
      return { ...all(RECIPIENT_ONLY, 0.3), ...all(NETWORK, -1) };
    case 'composer':
      if (a === 'block-note') return { blocked: STRONG };
      if (a === 'request-box') return { 'incoming-request': STRONG };
      return { 'account-restricted': 1.5, 'dm-ban': 1.5, 'under-16': 1.2, 'family-pairing': 1.2, blocked: 1, 'recipient-suspended': 1 };
    case 'page':
      // An error page is one failed load: a glitch first, an outage only once 5xx corroborate it.
      // Without the inbox no send reached a recipient, so their side is unlikely.
      return (
        (
          {
            login: { 'logged-out': STRONG },
            'rate-limited': { 'sending-too-fast': 8 },
            error: { 'temporary-glitch': 1.2, 'tiktok-outage': 1.5, ...all(POLICY, -3) },
            'region-unavailable': { 'region-unavailable': STRONG },
          } as Record<string, Weights>
        )[a ?? ''] ?? {}
      );
    case 'unsupported-message':
      return { 'unsupported-on-web': 6 };
    case 'net': {
      // A confirmed network fault also argues against causes TikTok would have answered with.
      const net = (NET as Readonly<Record<string, Weights>>)[a ?? ''] ?? {};
      return b === 'confirmed' ? { ...all(POLICY, -2), ...net } : scale(net, 0.5);
    }
    case 'http':
      if (a === 'server-error') return SERVER_TIERS.find((t) => t.tier === b)?.weights ?? {};
      return scale(HTTP[a ?? ''] ?? {}, b === 'confirmed' || a === 'login-redirect' ? 1 : 0.6);
    case 'im-request-failed':
      // TikTok's policy refusals arrive as HTTP answers; a send that failed in transport is not one.
      return { ...all(POLICY, -3), 'logged-out': -3 };
    case 'im-missing':
      return { 'blocked-by-extension': 2.5, firewall: 0.5 };
    case 'check':
      return checkWeights(a ?? '', b ?? '', factId.split(':')[3]);
    case 'answer':
      return QUESTIONS[a ?? '']?.[b === 'yes' ? 'yes' : 'no'] ?? {};
    default:
      return {};
  }
}

function checkWeights(id: string, status: string, detail?: string): Weights {
  const fail = status === 'fail';
  const warn = status === 'warn';
  if (status === 'pass') {
    if (id === 'online') return { offline: -2 };
    // TikTok answers now: rules out a dead path, less so a filter that resets only some requests.
    if (id === 'reach-www' || id === 'reach-im-api')
      return { ...all(REACH_RULES_OUT, -2), firewall: -1, 'slow-connection': -1.5, 'proxy-vpn': -1 };
    if (id === 'im-websocket') return { firewall: -0.75, 'proxy-vpn': -1 };
    if (id === 'dns') return { 'dns-failure': -4, 'dns-blocked': -4 };
    if (id === 'captive-portal') return { 'captive-portal': -5 };
    if (id === 'clock') return { 'clock-wrong': -6 };
    if (id === 'proxy') return { 'proxy-vpn': -1.5 };
    if (id === 'browser-version') return { 'outdated-browser': -4 };
    return {};
  }
  if (!fail && !warn) return {};
  const k = fail ? 1 : 0.4;
  const table: Record<string, Weights> = {
    online: { offline: 8 },
    'reach-www':
      detail === 'timeout'
        ? REACH_TIMEOUT
        : { offline: 2, 'dns-failure': 1.5, firewall: 2, 'tiktok-outage': 1.5, 'slow-connection': warn ? 4 : 0 },
    'reach-im-api':
      detail === 'timeout'
        ? REACH_TIMEOUT
        : { 'blocked-by-extension': 1, firewall: 2.5, 'dns-blocked': 1.5, 'tiktok-outage': 1.5, 'slow-connection': warn ? 4 : 0 },
    // Sockets are what proxies and filters break while HTTPS still works.
    'im-websocket': { firewall: 4, 'proxy-vpn': 3.5, 'blocked-by-extension': 1, 'temporary-glitch': -0.5 },
    // dns.noInternet: neither local DNS nor a resolver reached by address answers.
    dns: detail === 'blocked' ? { 'dns-blocked': 8 } : detail === 'offline' ? { offline: 6, 'dns-failure': 2 } : { 'dns-failure': 7 },
    'captive-portal': { 'captive-portal': 8 },
    clock: { 'clock-wrong': 8 },
    proxy: { 'proxy-vpn': 7 },
    'browser-version': { 'outdated-browser': 6 },
  };
  return scale(table[id] ?? {}, k);
}

/** A reach check that timed out: slow, filtered or held by a portal. */
const REACH_TIMEOUT: Weights = { 'slow-connection': 1.5, firewall: 1.5, 'captive-portal': 1 };

function scale(w: Weights, k: number): Weights {
  return Object.fromEntries(Object.entries(w).map(([id, v]) => [id, (v ?? 0) * k])) as Weights;
}
