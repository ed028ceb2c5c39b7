// Lint rules for the whole tree: Next's (React, hooks, core web vitals), typescript-eslint with type
// information (floating and misused promises), jsx-a11y's recommended set. Formatting is Prettier's alone.
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";
import jsxA11y from "eslint-plugin-jsx-a11y";
import { defineConfig, globalIgnores } from "eslint/config";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  // Next registers the jsx-a11y plugin with a handful of rules; this turns on its whole recommended set.
  {
    files: ["**/*.tsx"],
    rules: {
      ...jsxA11y.flatConfigs.recommended.rules,
      // A label's text may sit a few elements deep (a change's name inside its description).
      "jsx-a11y/label-has-associated-control": ["error", { assert: "either", depth: 4 }],
    },
  },
  {
    rules: {
      // React Compiler's own checks: the project does not compile with it, and these flag patterns
      // it cannot memoise (a ref read while rendering, a mounted flag), not faults.
      "react-hooks/refs": "off",
      "react-hooks/immutability": "off",
      "react-hooks/set-state-in-effect": "off",
      // Photos are served as the library's own prepared derivatives (srcset built in lib/media);
      // next/image's optimiser would re-encode them on the app servers.
      "@next/next/no-img-element": "off",
    },
  },
  // Reader pages are whole documents rendered by React's static renderer, not Next pages.
  { files: ["components/public/reader-document.tsx"], rules: { "@next/next/no-head-element": "off" } },
  {
    files: ["**/*.{ts,tsx,mts}"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports", disallowTypeAnnotations: false }],
    },
  },
  prettier,
  globalIgnores([
    ".next/**",
    ".next-*/**",
    "lib/generated/**",
    "bench/tmp/**",
    "bench/results/**",
    ".data/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
  ]),
]);
