import { z } from '../schemaKit';
import { RunRequestSchema, StorageStateSchema, TimeoutMsSchema } from '../schemas';
import { HttpMockSchema, ModuleMockSchema, NetworkSettingsSchema } from '../networkSchemas';
import { ExpectationsSchema } from './expectationSchema';

export {
  ExpectationsSchema,
  JsonMatchSchema,
  OutcomeExpectationSchema,
  RequestExpectationSchema,
  TextMatchSchema,
} from './expectationSchema';
export type {
  Expectations,
  JsonMatch,
  OutcomeExpectation,
  RequestExpectation,
  TextMatch,
} from './expectationSchema';

/**
 * What a test case sets instead of its hook's current settings. Each part present replaces the
 * hook's setting of that name as a whole; each part absent leaves the hook's own. Storage is
 * the exception: absent means empty storage, so a test does not depend on earlier runs.
 */
export const TestOverridesSchema = z.strictObject({
  secrets: z.optional(RunRequestSchema.shape.secrets),
  httpMocks: z.optional(z.array(HttpMockSchema)),
  moduleMocks: z.optional(z.array(ModuleMockSchema)),
  autoMocks: z.optional(NetworkSettingsSchema.shape.autoMocks),
  /** The webtask storage before the run. */
  storage: z.optional(StorageStateSchema),
  timeoutMs: z.optional(TimeoutMsSchema),
});
export type TestOverrides = z.infer<typeof TestOverridesSchema>;

function isJsonText(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** One saved test of a hook: the inputs of a run and what the run should give. */
export const TestCaseSchema = z.strictObject({
  id: z.string().check(z.minLength(1)),
  name: z.string().check(z.refine((name) => name.trim() !== '', 'A test needs a name.')),
  /**
   * Text, as the workbench keeps it, so that saving a run and loading a test back into the
   * workbench keep the user's formatting. Unlike a draft's, it must be JSON: a test runs as is.
   */
  payloadText: z.string().check(z.refine(isJsonText, 'The payload must be valid JSON.')),
  overrides: z.optional(TestOverridesSchema),
  expectations: ExpectationsSchema,
});
export type TestCase = z.infer<typeof TestCaseSchema>;
