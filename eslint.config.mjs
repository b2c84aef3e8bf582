// ESLint runs only what Biome cannot: typescript-eslint's type-aware rules (they need the type checker),
// on the shipped code (src/, entrypoints/). Style and the rest of linting are Biome's (biome.jsonc).
// Part of `npm run lint` (`npm run lint:types`). No finding is tolerated (the two there were when it came
// in are fixed; ESLint's bulk-suppressions file is gone).
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'tests/**', 'scripts/**', '*.config.*'] },
  {
    files: ['src/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // a promise nobody awaits or catches: a rejected message send or storage write vanishes silently
      '@typescript-eslint/no-floating-promises': 'error',
      // a promise used as a condition (always true), or an async function where a void callback is
      // expected (listeners, forEach). Preact's onClick={async …} is left to the runtime: its rejection
      // still surfaces as an unhandled rejection.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      // a switch over a union (cause ids, observation kinds, message types) that misses a member
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
    },
  },
);
