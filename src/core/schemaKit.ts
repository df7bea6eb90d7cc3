import { config, locales } from 'zod/mini';

// Every schema module builds with `z` from here, so that the app, the worker, the CLI and the
// tests share one zod: zod/mini, whose schemas do not pull in zod classic's methods (and, with
// them, JSON Schema conversion) on the start path. zod/mini sets no locale of its own: without
// the English one, every issue would read "Invalid input" instead of its usual message.
config(locales.en());

export * as z from 'zod/mini';
