import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { messagesLang, t } from '../../i18n/i18n';

// The page opened once, on install (src/background/first-run.ts): what the hint and the badge mean,
// in two pictures. The hint's picture is a screenshot of the real hint (made by `npm run demo`,
// scripts/store.ts); the badge's is the real toolbar icon with the badge the background sets (a
// red "!", src/background/badge.ts). In Chrome it asks to pin the button when it is not on the toolbar
// (action.getUserSettings); Firefox puts it on the toolbar itself (browser_action.default_area).

type Pinned = 'yes' | 'no' | 'unknown';

async function pinned(): Promise<Pinned> {
  if (import.meta.env.BROWSER === 'firefox') return 'unknown';
  try {
    const action = browser.action as unknown as { getUserSettings?: () => Promise<{ isOnToolbar?: boolean }> };
    const s = await action.getUserSettings?.();
    return s?.isOnToolbar === undefined ? 'unknown' : s.isOnToolbar ? 'yes' : 'no';
  } catch {
    return 'unknown';
  }
}

export function WelcomeApp() {
  const [pin, setPin] = useState<Pinned | null>(null);
  useEffect(() => {
    void pinned().then(setPin);
    // Chrome 130+: pinning from the puzzle menu while this page is open updates it at once.
    if (import.meta.env.BROWSER === 'firefox') return;
    const changed = (
      browser.action as unknown as { onUserSettingsChanged?: { addListener(f: () => void): void; removeListener(f: () => void): void } }
    ).onUserSettingsChanged;
    const again = () => void pinned().then(setPin);
    changed?.addListener(again);
    return () => changed?.removeListener(again);
  }, []);
  // the picture of the hint exists in English and French (scripts/store.ts); other languages show the English one
  const lang = messagesLang() === 'fr' ? 'fr' : 'en';
  return (
    <main data-testid="welcome" data-settled={String(pin !== null)} data-pinned={pin ?? ''}>
      <h1>{t('welcome_title')}</h1>
      <p>{t('welcome_intro')}</p>
      {pin === 'no' && (
        <p class="pin" data-testid="pin-request">
          {t('welcome_pin')}
        </p>
      )}
      {pin === 'yes' && <p data-testid="pinned">{t('welcome_pinned')}</p>}
      <div class="pictures">
        <figure>
          <img
            src={browser.runtime.getURL(`/welcome/hint-${lang}.png` as '/welcome/hint-en.png')}
            alt={t('welcome_hint_alt')}
            width={640}
            height={360}
          />
          <figcaption>
            <h2>{t('welcome_hint_title')}</h2>
            <p>{t('welcome_hint_text')}</p>
          </figcaption>
        </figure>
        <figure>
          <div class="badge-demo" role="img" aria-label={t('welcome_badge_alt')}>
            <span class="button">
              <img src={browser.runtime.getURL('/icon/32.png')} alt="" width={32} height={32} />
              <span class="badge" aria-hidden="true">
                !
              </span>
            </span>
          </div>
          <figcaption>
            <h2>{t('welcome_badge_title')}</h2>
            <p>{t('welcome_badge_text')}</p>
          </figcaption>
        </figure>
      </div>
      <p>
        <a data-testid="privacy-link" href={browser.runtime.getURL('/privacy.html')}>
          {t('welcome_privacy')}
        </a>
        {' · '}
        <a data-testid="options-link" href={browser.runtime.getURL('/options.html')}>
          {t('welcome_settings')}
        </a>
      </p>
    </main>
  );
}
