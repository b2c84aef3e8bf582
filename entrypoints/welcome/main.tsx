import '../../src/ui/pages.css';
import { render } from 'preact';
import { WelcomeApp } from '../../src/ui/welcome/app';
import { t } from '../../src/i18n/i18n';

document.documentElement.lang = t('lang_code');
document.title = t('welcome_title');
const root = document.getElementById('root');
if (root) render(<WelcomeApp />, root);
