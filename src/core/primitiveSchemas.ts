import { z } from './schemaKit';

// Shared building blocks of the schemas, in a module of their own so that schema files
// can import them without an import cycle.

/** Anything that survived `serialize()`: plain JSON. */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export const JsonValueSchema: z.ZodMiniType<JsonValue> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(JsonValueSchema),
    z.record(z.string(), JsonValueSchema),
  ]),
);

/** A position in the user's own code (1-based), after the prelude has been accounted for. */
export const CodeLocationSchema = z.object({
  line: z.number().check(z.int(), z.gte(1)),
  column: z.number().check(z.int(), z.gte(1)),
});
export type CodeLocation = z.infer<typeof CodeLocationSchema>;
