/** The package version, replaced at build time (vite.config.ts `define`). */
declare const __HOOKPAD_VERSION__: string;
