import type { CauseId } from '../contracts/cause-ids';

// Priors rank causes before any specific evidence: common ones (recipient settings, not friends,
// request caps) above rare ones (outage, clock). "Friends" is the default DM setting for 16+
// (TikTok's Safety Center), so "not friends" leads a tie. Log-odds, like the weights in rules.ts.

export const PRIORS: Record<CauseId, number> = {
  'recipient-settings': 1.6,
  'not-friends': 1.7,
  'request-pending': 1.3,
  'chat-limit': 0.2,
  blocked: 0.5,
  'recipient-suspended': -0.3,
  'recipient-restricted': -0.5,
  'incoming-request': -1,
  'under-16': 0.2,
  'phone-unverified': 0.1,
  'family-pairing': -0.2,
  'account-restricted': -0.2,
  'dm-ban': -0.2,
  'content-flagged': 0.3,
  'sending-too-fast': 0.5,
  'logged-out': -0.5,
  'own-dm-settings': 0,
  'tiktok-outage': -1.5,
  'region-unavailable': -2,
  'unsupported-on-web': -1.5,
  'temporary-glitch': 0.4,
  offline: -1,
  'dns-failure': -1.5,
  'dns-blocked': -1.2,
  'blocked-by-extension': -0.6,
  'proxy-vpn': -1.5,
  firewall: -1.8,
  'captive-portal': -2,
  'clock-wrong': -2.5,
  'slow-connection': -1.2,
  'outdated-browser': -2.5,
};
