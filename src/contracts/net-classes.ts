// The closed lists a network event is made of; no zod here, so page-side code can import them.

export const NET_ROLES = ['im-api', 'im-ws', 'www', 'www-api', 'other-tiktok'] as const;
export type NetRole = (typeof NET_ROLES)[number];

/** webRequest `details.error` names, normalised (src/network/error-class.ts); unknown names are 'other'. */
export const NET_ERROR_CLASSES = [
  'offline',
  'dns',
  'blocked-by-client',
  'proxy',
  'connection-reset',
  'connection-refused',
  'connection-closed',
  'timeout',
  'tls',
  'cert-date',
  'address-unreachable',
  'admin-block',
  'network-changed',
  'websocket',
  'aborted',
  'other',
] as const;
export type NetErrorClass = (typeof NET_ERROR_CLASSES)[number];

/** HTTP status classes (src/network/http-class.ts). */
export const HTTP_CLASSES = ['rate-limited', 'server-error', 'auth', 'login-redirect', 'ok'] as const;
export type HttpClass = (typeof HTTP_CLASSES)[number];
