/** The browser this build is for (WXT sets import.meta.env.BROWSER at build time). */
export const BROWSER = import.meta.env.BROWSER === 'firefox' ? 'firefox' : 'chrome';
