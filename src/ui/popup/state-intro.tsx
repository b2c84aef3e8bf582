import type { TabView } from '../../contracts/tab-view';
import { t } from '../../i18n/i18n';

/** The sentence at the top of every state but `problem` (which shows the cause card instead). */
export function StateIntro({ view }: { view: TabView }) {
  switch (view.state) {
    case 'not-tiktok':
      return (
        <section class="intro">
          <h2>{t('popup_not_tiktok_title')}</h2>
          <p>{t('popup_not_tiktok_body')}</p>
          <a class="primary" href="https://www.tiktok.com/messages" target="_blank" rel="noopener noreferrer">
            {t('popup_open_messages')}
          </a>
        </section>
      );
    case 'no-problem':
      return (
        <section class="intro">
          <h2>{t('popup_no_problem_title')}</h2>
          <p>{t('popup_no_problem_body')}</p>
        </section>
      );
    case 'ui-unrecognized':
      if (view.reason === 'not-loaded') {
        // The reload button itself is rendered by the app, directly under the popup root.
        return (
          <section class="intro">
            <h2>{t('popup_not_loaded_title')}</h2>
            <p>{t('popup_not_loaded_body')}</p>
          </section>
        );
      }
      return (
        <section class="intro">
          <h2>{t('popup_unrecognized_title')}</h2>
          <p>{t(view.reason === 'chat-unreadable' ? 'popup_chat_unreadable_body' : 'popup_unrecognized_body')}</p>
          <ol class="steps">
            <li>{t('popup_unrecognized_step1')}</li>
            <li>{t('popup_unrecognized_step2')}</li>
            <li>{t('popup_unrecognized_step3')}</li>
          </ol>
        </section>
      );
    case 'checking':
      return (
        <section class="intro" aria-busy="true">
          <h2>{t('popup_checking_title')}</h2>
          <p>{t('popup_checking_body')}</p>
        </section>
      );
    default:
      return null;
  }
}
