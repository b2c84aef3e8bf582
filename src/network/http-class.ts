// HTTP status → class, in a file of its own so the page-side diagnosis can use it without zod.

import { HTTP_CLASSES, type HttpClass } from '../contracts/net-classes';

export { HTTP_CLASSES, type HttpClass };

export function httpClassOf(status: number): HttpClass | undefined {
  if (status === 429) return 'rate-limited';
  if (status === 401 || status === 403) return 'auth';
  if (status >= 500 && status <= 599) return 'server-error';
  if (status >= 100 && status < 400) return 'ok';
  return undefined; // other 4xx: 404 on im-api "/" and 400 on im-ws over HTTPS are normal
}
