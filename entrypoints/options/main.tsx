import '../../src/ui/pages.css';
import { render } from 'preact';
import { OptionsApp } from '../../src/ui/options/app';
import { t } from '../../src/i18n/i18n';

document.documentElement.lang = t('lang_code');
document.title = t('options_title');
const root = document.getElementById('root');
if (root) render(<OptionsApp />, root);
