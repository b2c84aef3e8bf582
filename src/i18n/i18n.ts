import { browser } from 'wxt/browser';

/** A localised string from _locales; the key itself when missing, so a gap is visible, never blank. */
export function t(key: string, subs?: (string | number)[]): string {
  try {
    const s = browser.i18n.getMessage(key as '@@ui_locale', subs?.map(String));
    return s || key;
  } catch {
    return key;
  }
}

/** The language our messages are actually shown in (the locale the browser picked). */
export function messagesLang(): 'en' | 'fr' {
  return t('lang_code') === 'fr' ? 'fr' : 'en';
}
