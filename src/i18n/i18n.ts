import { browser } from 'wxt/browser';
import type { Lang } from './langs';

/** A localised string from _locales; the key itself when missing, so a gap is visible, never blank. */
export function t(key: string, subs?: (string | number)[]): string {
  try {
    const s = browser.i18n.getMessage(key as '@@ui_locale', subs?.map(String));
    return s || key;
  } catch {
    return key;
  }
}

/**
 * The language our messages are actually shown in (the locale the browser picked), from our own
 * locale files: each file's `lang_code` is one of LANGS (the locales unit test checks it).
 */
export function messagesLang(): Lang {
  return t('lang_code') as Lang;
}

/** Which way the picked locale is written ('rtl' for Arabic), as the browser says (`@@bidi_dir`). */
export function textDir(): 'ltr' | 'rtl' {
  return t('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
}

/** Marks an element (an extension page's root, the hint's box) with the messages' language and direction. */
export function speak(el: HTMLElement): void {
  el.lang = messagesLang().replace('_', '-');
  el.dir = textDir();
}
