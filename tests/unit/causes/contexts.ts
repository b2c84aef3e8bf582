import type { CauseContext } from '../../../src/causes/catalogue';

const HANDLES = [null, '', 'dm.doctor_1', '@we ird/?#é'] as const;

/** Every combination of UI language, browser and recipient handle the catalogue must cope with. */
export const CONTEXTS: CauseContext[] = (['en', 'fr'] as const).flatMap((lang) =>
  (['chrome', 'firefox'] as const).flatMap((browser) => HANDLES.map((handle) => ({ lang, browser, handle }))),
);
