import { z } from 'zod';
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
  secrets: RunRequestSchema.shape.secrets.optional(),
  httpMocks: z.array(HttpMockSchema).optional(),
  moduleMocks: z.array(ModuleMockSchema).optional(),
  autoMocks: NetworkSettingsSchema.shape.autoMocks.optional(),
  /** The webtask storage before the run. */
  storage: StorageStateSchema.optional(),
  timeoutMs: TimeoutMsSchema.optional(),
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
  id: z.string().min(1),
  name: z.string().refine((name) => name.trim() !== '', 'A test needs a name.'),
  /**
   * Text, as the workbench keeps it, so that saving a run and loading a test back into the
   * workbench keep the user's formatting. Unlike a draft's, it must be JSON: a test runs as is.
   */
  payloadText: z.string().refine(isJsonText, 'The payload must be valid JSON.'),
  overrides: TestOverridesSchema.optional(),
  expectations: ExpectationsSchema,
});
export type TestCase = z.infer<typeof TestCaseSchema>;
