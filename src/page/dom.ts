import { anyOf, SELECTORS, type Selectors } from './selectors';

// DOM query primitives for reading TikTok's page: bounded, never throwing into the page.

const NOTICE_MAX = 200;
const RAW_MAX = 4000;
const WALK_BUDGET = 5000;
const INERT_TAGS = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'svg']);
const INERT = 'script, style, noscript, template, textarea';
/** where a person's words can be: inputs, contenteditables, textareas and message bubbles */
const PRIVATE = anyOf([...SELECTORS.typing, 'textarea', ...SELECTORS.messageText, ...SELECTORS.messageArea]);

export function safe<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

export const live = (el: Element): boolean => el.closest(INERT) === null;

export function first(root: ParentNode, alternatives: Selectors): Element | null {
  for (const css of alternatives) {
    const el = root.querySelector(css);
    if (el && live(el)) return el;
  }
  return null;
}

export const has = (root: ParentNode, alternatives: Selectors): boolean => first(root, alternatives) !== null;

/**
 * The message list is the one subtree that grows with the chat (thousands of rows). Landmarks
 * that live beside it (header, composer, request box, toasts, dialogs) are looked up everywhere
 * else: the list itself, its ancestors and their other children, never inside the list. This
 * keeps a scan's cost independent of the number of messages.
 */
export function outside(list: Element | null, css: string, all: boolean): Element[] {
  const out: Element[] = [];
  if (!list) return out;
  if (list.matches(css)) out.push(list);
  for (let node: Element = list; node.parentElement; node = node.parentElement) {
    const parent = node.parentElement;
    if (parent.matches(css)) out.push(parent);
    for (let sib = parent.firstElementChild; sib; sib = sib.nextElementSibling) {
      if (sib === node) continue;
      if (sib.matches(css)) out.push(sib);
      if (all) out.push(...Array.from(sib.querySelectorAll(css)));
      else {
        const found = sib.querySelector(css);
        if (found) out.push(found);
      }
    }
    if (!all && out.length) break;
  }
  return out.filter(live);
}

/** Like first(), but never looks inside the message list. */
export function firstBeside(doc: Document, list: Element | null, alternatives: Selectors): Element | null {
  if (!list) return first(doc, alternatives);
  for (const css of alternatives) {
    const found = outside(list, css, false)[0];
    if (found) return found;
  }
  return null;
}

export function collapse(raw: string | null | undefined): string {
  return (raw ?? '').slice(0, RAW_MAX).replace(/\s+/g, ' ').trim();
}

/** At most 200 characters, never splitting a surrogate pair. */
export function cut(text: string): string {
  const head = text.slice(0, NOTICE_MAX);
  return /[\uD800-\uDBFF]$/.test(head) ? head.slice(0, -1) : head;
}

/** An element's text, unless it holds or sits in something a person typed or wrote. */
export function systemText(el: Element): string {
  if (el.matches(PRIVATE) || el.closest(PRIVATE) || el.querySelector(PRIVATE)) return '';
  return collapse(el.textContent);
}

/** Visits text nodes in document order (skipping scripts, styles, svg…) until `visit` returns true.
 * `skip` prunes whole subtrees (a person's words). */
export function walkText(
  root: Node,
  visit: (text: string, node: Node) => boolean,
  budget = WALK_BUDGET,
  skip?: (el: Element) => boolean,
): void {
  const stack: Node[] = [root];
  for (let seen = 0; stack.length > 0 && seen < budget; seen++) {
    const node = stack.pop() as Node;
    if (node.nodeType === 3) {
      const text = collapse(node.nodeValue);
      if (text && visit(text, node)) return;
    } else if (node.nodeType === 1 && !INERT_TAGS.has((node as Element).localName) && !(skip && node !== root && skip(node as Element))) {
      for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
    }
  }
}

/** True for a subtree that may hold a person's words (never read). */
export const isPrivate = (el: Element): boolean => el.matches(PRIVATE);
