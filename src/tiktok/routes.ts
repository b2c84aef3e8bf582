import { tiktokPath } from './urls';

// The inbox routes on any tiktok.com host (query and sub-paths included). Plain URL parsing: cheap
// in the content script, and safe in workers (no `Location` needed).
const under = (path: string | null, root: string) => path !== null && (path === root || path.startsWith(`${root}/`));

/** /messages: the document that holds the chat (a person's inbox, or the business chat iframe). */
export function isMessagesRoute(url: string | URL): boolean {
  return under(tiktokPath(url), '/messages');
}

/**
 * /business-suite/messages: a business account's inbox. Its own document is only a host (sidebar,
 * conversation list); the chat runs in a same-origin iframe at /messages?…scene=business.
 */
export function isBusinessInboxRoute(url: string | URL): boolean {
  return under(tiktokPath(url), '/business-suite/messages');
}

/** Either inbox: what the tab's state, the popup and the badge call "on the messages page". */
export function isInboxRoute(url: string | URL): boolean {
  return isMessagesRoute(url) || isBusinessInboxRoute(url);
}

/** host + path, never the query: what may leave the page (the one redactor, src/tiktok/redact.ts). */
export { redactUrl as whereOf } from './redact';

/** The same test for a redacted location (host + path, as kept in a tab's state). */
export function isInboxWhere(where: string): boolean {
  return where !== '' && isInboxRoute(`https://${where}`);
}
