import * as z from 'zod/mini';

// One network observation, as kept per tab (storage.session) and shown in the report. It holds
// no query, no handle, no IP: only the redacted host + path and what went wrong.

import { HTTP_CLASSES, NET_ERROR_CLASSES, NET_ROLES } from './net-classes';

export { HTTP_CLASSES, NET_ERROR_CLASSES, NET_ROLES };
export type { HttpClass, NetErrorClass, NetRole } from './net-classes';

const opt = <T extends z.core.SomeType>(s: T) => z.optional(s);

export const NetEventSchema = z.object({
  /** epoch ms (webRequest timeStamp) */
  t: z.number(),
  role: z.enum(NET_ROLES),
  /** redacted by redactUrl */
  url: z.string().check(z.maxLength(200)),
  kind: z.enum(['error', 'http']),
  cls: opt(z.enum(NET_ERROR_CLASSES)),
  /** raw browser name, e.g. net::ERR_CONNECTION_RESET */
  error: opt(z.string().check(z.maxLength(120))),
  status: opt(z.number().check(z.int())),
  httpClass: opt(z.enum(HTTP_CLASSES)),
  /** webRequest resource type */
  type: opt(z.string().check(z.maxLength(40))),
  /** Firefox proxyInfo said a proxy carried it (never its address) */
  proxy: opt(z.boolean()),
  /** a failed request had resolved to 0.0.0.0 / loopback, without a proxy: a DNS blocker */
  sinkhole: opt(z.boolean()),
  /** a 429 / 503 answer's Retry-After, as an epoch-ms time (never made up) */
  retryAt: opt(z.number()),
});
export type NetEvent = z.infer<typeof NetEventSchema>;
