import type { CauseId } from '../contracts/cause-ids';

// TikTok's answers that are not a transport failure: how many 5xx from its DM hosts make an outage,
// and the IM status codes that mean *sent*. Weighed with the rest in src/diagnosis/rules.ts.

export type Weights = Partial<Record<CauseId, number>>;

/** How much agreement a tier of 5xx answers from TikTok's DM hosts needs (server-facts.ts); a missing minimum is 0. */
export interface ServerTier {
  tier: string;
  /** 5xx answers to the page's own requests (the send and its retries, other inbox calls) */
  page?: number;
  /** those plus the connectivity checks' 5xx answers */
  attempts?: number;
  /** distinct hosts among all of them (www, im-api, im-ws) */
  hosts?: number;
  /** hosts where a check got a 5xx too */
  checked?: number;
  /** two independent signals: ≥ 5 s apart, a page request and a check, two checks, or a failed bubble whose IM send got the 5xx */
  spread?: true;
  weights: Weights;
}

/**
 * 5xx answers from TikTok's DM hosts, strongest tier first; the first that holds is the fact.
 * One 5xx is a glitch at most ("two signals before TikTok is down"); the send and its
 * retries failing on the IM host while the check's own requests get 5xx from another host is an
 * outage (high); 5xx from two hosts (`hosts`) or several attempts on one (`attempts`) lean to one
 * (medium); two signals on one host (`confirmed`) or one 5xx (`once`) are a glitch as likely.
 */
export const SERVER_TIERS: readonly ServerTier[] = [
  { tier: 'outage', page: 2, hosts: 2, checked: 1, weights: { 'tiktok-outage': 5.5, 'temporary-glitch': -1.5 } },
  { tier: 'hosts', hosts: 2, spread: true, weights: { 'tiktok-outage': 4, 'temporary-glitch': 1 } },
  { tier: 'attempts', page: 1, attempts: 3, spread: true, weights: { 'tiktok-outage': 3.5, 'temporary-glitch': 1 } },
  { tier: 'confirmed', spread: true, weights: { 'tiktok-outage': 1.5, 'temporary-glitch': 1.5 } },
  { tier: 'once', weights: { 'tiktok-outage': 0.9, 'temporary-glitch': 0.9 } },
];

/**
 * TikTok's DM hosts, by request role (network/evidence.ts) and by the reach check that asks them
 * (checks/plan.ts PROBE_URLS): their 5xx count for the outage rule; other TikTok hosts never do.
 */
export const DM_HOST: Readonly<Record<string, string>> = {
  'im-api': 'im-api',
  'im-ws': 'im-ws',
  www: 'www',
  'www-api': 'www',
  'reach-www': 'www',
  'reach-im-api': 'im-api',
  'im-websocket': 'im-ws',
};

/**
 * IM status codes the public client treats as *sent*, not failed (as the public web client handles them: the stranger cap
 * is reached but the message went out as a request). A catalogue row carrying one of them (its
 * `ref` in src/page/notice-texts.ts starts with the code, e.g. '7174/3-cap') may explain a failed
 * bubble beside it, but never makes a problem, a hint or a badge on its own.
 */
export const SENT_STATUS_CODES: readonly number[] = [7174, 7178, 7192];

export function explainsOnly(ref: string): boolean {
  return SENT_STATUS_CODES.some((code) => new RegExp(`^${code}(\\D|$)`).test(ref));
}

/**
 * The start of those rows' sentences, lower-case (the catalogue stays out of the background
 * bundle; tests/unit/diagnosis/sent-codes.test.ts keeps this in step with the catalogue rows).
 */
export const SENT_NOTICE_STARTS: readonly string[] = ['you can only send 3 messages'];
