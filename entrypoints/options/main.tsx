import '../../src/ui/pages.css';
import { render } from 'preact';
import { OptionsApp } from '../../src/ui/options/app';
import { speak, t } from '../../src/i18n/i18n';

// the page's language and direction (right to left for Arabic) from the locale the browser picked
speak(document.documentElement);
document.title = t('options_title');
const root = document.getElementById('root');
if (root) render(<OptionsApp />, root);
