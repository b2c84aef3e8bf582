import { browser } from 'wxt/browser';

// The few storage calls the extension makes, straight on `browser.storage` (WXT's storage helper
// cost about 4 KB gzipped in the background for features we do not use). Keys are "<area>:<key>".

type Key = `${'local' | 'session'}:${string}`;

type Area = typeof browser.storage.local;

function split(key: Key): [Area, string] {
  const at = key.indexOf(':');
  const area: Area = key.slice(0, at) === 'session' ? browser.storage.session : browser.storage.local;
  return [area, key.slice(at + 1)];
}

/** The stored value, or null when there is none. */
export async function getItem(key: Key): Promise<unknown> {
  const [area, name] = split(key);
  const got = (await area.get(name)) as Record<string, unknown>;
  return got[name] ?? null;
}

export async function setItem(key: Key, value: unknown): Promise<void> {
  const [area, name] = split(key);
  await area.set({ [name]: value });
}

export async function removeItem(key: Key): Promise<void> {
  const [area, name] = split(key);
  await area.remove(name);
}

/** Every key and value of one storage area. */
export async function snapshot(areaName: 'local' | 'session'): Promise<Record<string, unknown>> {
  const [area] = split(`${areaName}:`);
  return (await area.get(null)) as Record<string, unknown>;
}
