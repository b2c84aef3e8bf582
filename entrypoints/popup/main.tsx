import { render } from 'preact';
import { App } from '../../src/ui/popup/app';
import { t } from '../../src/i18n/i18n';

document.documentElement.lang = t('lang_code');
document.title = t('extName');
const root = document.getElementById('root');
if (root) render(<App />, root);
