import { render } from 'preact';
import { App } from '../../src/ui/popup/app';
import { openViewSource } from '../../src/ui/popup/view-port';
import { speak, t } from '../../src/i18n/i18n';

// the port to the background first: the view is on its way while the page renders "Loading…"
const views = openViewSource();
// the page's language and direction (right to left for Arabic) from the locale the browser picked
speak(document.documentElement);
document.title = t('extName');
const root = document.getElementById('root');
if (root) render(<App views={views} />, root);
