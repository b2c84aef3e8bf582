// Layer rules of DESIGN.md ("Layers"), checked by `npm run lint` (npx depcruise src entrypoints scripts tests).
//
//   bottom  src/contracts, src/tiktok, src/i18n      "importable by all": they may import one another
//                                                    (no-circular keeps that one way) and nothing else in src/
//   middle  src/page < src/network < src/checks < src/causes < src/diagnosis
//                                                    a later one may import an earlier one, never the reverse
//   top     src/background, src/content, src/ui      may import bottom and middle, never one another
//   entrypoints/ may import anything in src/; nothing in src/ imports tests/, scripts/ or package.json;
//   scripts/ does not import tests/; no cycles anywhere; src/ has no folder outside these layers.

const BOTTOM = ['contracts', 'tiktok', 'i18n'];
const MIDDLE = ['page', 'network', 'checks', 'causes', 'diagnosis'];
const TOP = ['background', 'content', 'ui'];
const LAYERS = [...BOTTOM, ...MIDDLE, ...TOP];

const dir = (names) => `^src/(${names.join('|')})/`;

/** A middle layer may import the bottom, itself and the middle layers before it. */
const middleRules = MIDDLE.map((name, i) => ({
  name: `middle-${name}-imports-only-below`,
  comment: `src/${name} may import ${[...BOTTOM, ...MIDDLE.slice(0, i)].join(', ')} (DESIGN.md "Layers")`,
  severity: 'error',
  from: { path: dir([name]) },
  to: { path: '^src/', pathNot: dir([...BOTTOM, ...MIDDLE.slice(0, i + 1)]) },
}));

/** A top layer may import the bottom, the middle and itself, never another top layer. */
const topRules = TOP.map((name) => ({
  name: `top-${name}-imports-no-other-top`,
  comment: `src/${name} never imports ${TOP.filter((t) => t !== name).join(' or ')}: what they share travels in messages, its types live in contracts`,
  severity: 'error',
  from: { path: dir([name]) },
  to: { path: '^src/', pathNot: dir([...BOTTOM, ...MIDDLE, name]) },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'no import cycle anywhere',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'src-outside-layers',
      comment: `every folder of src/ is one of the layers: ${LAYERS.join(', ')}`,
      severity: 'error',
      from: { path: '^src/', pathNot: dir(LAYERS) },
      to: {},
    },
    {
      name: 'bottom-imports-only-bottom',
      comment: `src/{${BOTTOM.join(',')}} import nothing above them`,
      severity: 'error',
      from: { path: dir(BOTTOM) },
      to: { path: '^src/', pathNot: dir(BOTTOM) },
    },
    ...middleRules,
    ...topRules,
    {
      name: 'src-not-tests-scripts-package',
      comment: 'nothing in src/ imports tests/, scripts/ or package.json',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(tests|scripts)/|(^|/)package\\.json$' },
    },
    {
      name: 'entrypoints-not-tests-scripts',
      comment: 'the shipped code (entrypoints/) does not import tests/ or scripts/',
      severity: 'error',
      from: { path: '^entrypoints/' },
      to: { path: '^(tests|scripts)/' },
    },
    {
      name: 'scripts-not-tests',
      comment: 'scripts/ (the bench, the demo) does not import tests/; shared browser code lives in scripts/browsers/',
      severity: 'error',
      from: { path: '^scripts/' },
      to: { path: '^tests/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(\\.output|\\.wxt|node_modules|test-results|\\.analysis)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
