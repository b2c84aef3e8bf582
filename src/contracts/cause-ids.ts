// Stable cause ids (../shared/DESIGN.md). Add, never rename or remove.
export const CAUSE_SIDES = {
  account: [
    'under-16',
    'phone-unverified',
    'family-pairing',
    'account-restricted',
    'dm-ban',
    'content-flagged',
    'sending-too-fast',
    'logged-out',
    'own-dm-settings',
  ],
  recipient: [
    'not-friends',
    'recipient-settings',
    'request-pending',
    'chat-limit',
    'blocked',
    'recipient-suspended',
    'recipient-restricted',
    'incoming-request',
  ],
  tiktok: ['tiktok-outage', 'region-unavailable', 'unsupported-on-web', 'temporary-glitch'],
  network: [
    'offline',
    'dns-failure',
    'dns-blocked',
    'blocked-by-extension',
    'proxy-vpn',
    'firewall',
    'captive-portal',
    'clock-wrong',
    'slow-connection',
    'outdated-browser',
  ],
} as const;

export type Side = keyof typeof CAUSE_SIDES;
export type CauseId = (typeof CAUSE_SIDES)[Side][number];

export const CAUSE_IDS: readonly CauseId[] = Object.values(CAUSE_SIDES).flat();

const idSet = new Set<string>(CAUSE_IDS);
export function isCauseId(value: unknown): value is CauseId {
  return typeof value === 'string' && idSet.has(value);
}

export function sideOf(id: CauseId): Side {
  for (const side of Object.keys(CAUSE_SIDES) as Side[]) {
    if ((CAUSE_SIDES[side] as readonly string[]).includes(id)) return side;
  }
  throw new Error(`unknown cause ${id}`);
}
