import { render } from 'preact';
import { App } from '../../src/ui/popup/app';
import { messagesLang, t } from '../../src/i18n/i18n';
import { bcp47 } from '../../src/i18n/langs';

document.documentElement.lang = bcp47(messagesLang());
// right to left for Arabic: the browser says which way the picked locale is written
document.documentElement.dir = t('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
document.title = t('extName');
const root = document.getElementById('root');
if (root) render(<App />, root);
