// The languages DM Doctor ships (locales/<lang>/, built into _locales/<lang>/). The browser's UI
// language picks one (browser.i18n); English is the fallback.

export const LANGS = ['en', 'fr', 'es', 'pt_BR', 'de', 'id', 'tr', 'vi', 'ar'] as const;
export type Lang = (typeof LANGS)[number];

export function isLang(x: string): x is Lang {
  return (LANGS as readonly string[]).includes(x);
}

/** The BCP 47 tag Intl and the `lang` attribute expect ('pt_BR' → 'pt-BR'). */
export function bcp47(lang: string): string {
  return lang.replace('_', '-');
}
