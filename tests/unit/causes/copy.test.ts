import { describe, it, expect } from 'vitest';
import { CAUSE_IDS, CAUSE_SIDES, type Side } from '../../../src/contracts/cause-ids';
import { causeKeyPrefix, messageKeys, sideLabelKey } from '../../../src/causes/catalogue';
import enJson from '../../../locales/en/causes.json';
import frJson from '../../../locales/fr/causes.json';
import { CONTEXTS } from './contexts';

type Messages = Record<string, { message: string; description: string }>;
const LOCALES = { en: enJson as Messages, fr: frJson as Messages };

/** Every key the UI can ask for, over all browsers and with or without a handle. */
function usedKeys(): Set<string> {
  const keys = new Set<string>((Object.keys(CAUSE_SIDES) as Side[]).map(sideLabelKey));
  for (const id of CAUSE_IDS) {
    for (const c of CONTEXTS) {
      const k = messageKeys(id, c);
      for (const key of [k.title, k.why, k.action, ...k.steps]) keys.add(key);
    }
  }
  return keys;
}

describe('cause copy', () => {
  it('has the same keys in English and French', () => {
    expect(Object.keys(LOCALES.fr).sort()).toEqual(Object.keys(LOCALES.en).sort());
  });

  it('has exactly the keys the catalogue uses, in Chrome i18n format', () => {
    for (const messages of Object.values(LOCALES)) {
      expect(Object.keys(messages).sort()).toEqual([...usedKeys()].sort());
      for (const [key, entry] of Object.entries(messages)) {
        expect(key).toMatch(/^[a-z0-9_]+$/);
        expect(Object.keys(entry).sort()).toEqual(['description', 'message']);
        expect(entry.message.trim()).toBe(entry.message);
        expect(entry.message.length).toBeGreaterThan(1);
        expect(entry.message).not.toMatch(/\$(?![1-9])/); // a lone $ would be read as a placeholder
      }
    }
  });

  it('gives every cause a title, an explanation, an action label and its steps in both languages', () => {
    for (const id of CAUSE_IDS) {
      expect(causeKeyPrefix(id)).toMatch(/^cause_[a-z0-9_]+_$/);
      for (const c of CONTEXTS) {
        const k = messageKeys(id, c);
        for (const messages of Object.values(LOCALES)) {
          for (const key of [k.title, k.why, k.action, ...k.steps]) expect(messages[key], key).toBeDefined();
        }
      }
    }
  });

  it('keeps titles short, without a final period', () => {
    for (const messages of Object.values(LOCALES)) {
      for (const id of CAUSE_IDS) {
        const title = messages[`${causeKeyPrefix(id)}title`]!.message;
        expect(title.length, title).toBeLessThanOrEqual(60);
        expect(title).not.toMatch(/[.。]$/);
      }
    }
  });

  it('writes explanations as two sentences and steps as one', () => {
    for (const messages of Object.values(LOCALES)) {
      for (const [key, { message }] of Object.entries(messages)) {
        const sentences = message.split(/(?<=[.!?])\s+(?=[A-ZÀ-Ý])/).length;
        if (key.endsWith('_why')) expect(sentences, key).toBe(2);
        if (/_step\d/.test(key)) {
          expect(sentences, key).toBe(1);
          expect(message, key).toMatch(/[.!]$/);
        }
      }
    }
  });

  it('gives Firefox steps the about: address and keeps chrome: out of them', () => {
    for (const id of CAUSE_IDS) {
      for (const [lang, messages] of Object.entries(LOCALES)) {
        const firefox = messageKeys(id, { browser: 'firefox', handle: null });
        const chrome = messageKeys(id, { browser: 'chrome', handle: null });
        const ffText = firefox.steps.map((k) => messages[k]!.message).join(' ');
        const chText = chrome.steps.map((k) => messages[k]!.message).join(' ');
        expect(ffText, `${lang} ${id}`).not.toContain('chrome://');
        expect(chText, `${lang} ${id}`).not.toContain('about:');
        if (firefox.action.endsWith('_action_firefox')) expect(ffText, `${lang} ${id}`).toMatch(/about:[a-z]+/);
      }
    }
  });

  it('uses French typography and tutoiement', () => {
    for (const [key, { message }] of Object.entries(LOCALES.fr)) {
      expect(message, key).not.toMatch(/ [:;?!]/); // a plain space before : ; ? ! should be a no-break space
      expect(message, key).not.toContain("'"); // typographic apostrophe
      // "vous" stays allowed for "the two of you"; formal address is not
      expect(message, key).not.toMatch(/\b(votre|vos)\b/i);
      if (/_step\d/.test(key)) expect(message, key).not.toMatch(/^\p{Lu}\p{Ll}+ez\b/u);
    }
  });
});
