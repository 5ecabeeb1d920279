import js from "@eslint/js";
import tseslint from "typescript-eslint";
import boundaryRules from "./eslint.boundaries.mjs";

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "data/", "coverage/", "service/src/generated/", "scripts/*.js"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: {
        module: "writable",
        require: "readonly",
        __dirname: "readonly",
        process: "readonly",
        console: "readonly",
      },
    },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-require-imports": "off",
    },
  },
  {
    // The service logs through its one pino logger (service/src/shared/logger.ts), never the console.
    files: ["service/src/**/*.ts"],
    rules: { "no-console": "error" },
  },
  // Which part may import which (the pane, the service, contract, demo, tests): eslint.boundaries.mjs.
  ...boundaryRules,
);
