// Code passed to worker.evaluate / page.evaluate runs in the extension, where `chrome` exists.
declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number; url?: string; title?: string }[]> };
  storage: {
    session: { get(k: null): Promise<Record<string, unknown>>; set(v: object): Promise<void> };
    local: { get(k: null): Promise<Record<string, unknown>>; set(v: object): Promise<void> };
  };
  action: { getBadgeText(d: { tabId: number }): Promise<string>; getTitle(d: { tabId: number }): Promise<string> };
  runtime: { getManifest(): { version: string }; sendMessage(m: object): Promise<unknown> };
  permissions: {
    contains(p: { origins: string[] }): Promise<boolean>;
    remove(p: { origins: string[] }): Promise<boolean>;
    getAll(): Promise<{ origins?: string[] }>;
  };
};
