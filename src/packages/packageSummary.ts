import { z } from '../core/schemaKit';
import { packageRecordSchema, type PackageRecord } from './packageRecord';
import { dependencyMapSchema } from './packumentSchema';

/**
 * What the Dependencies region lists of a stored package, and what planning a run's tree
 * needs (its own dependencies): kept apart from the files, so neither reads any code.
 */
export const packageSummarySchema = z.extend(z.omit(packageRecordSchema, { files: true }), {
  fileCount: z.number().check(z.int(), z.nonnegative()),
  dependencies: dependencyMapSchema,
});
export type PackageSummary = z.infer<typeof packageSummarySchema>;

/** The dependencies the stored package.json declares; none when they do not read. */
export function declaredDependencies(record: PackageRecord): Record<string, string> {
  try {
    const manifest = JSON.parse(record.files['package.json'] ?? '{}') as { dependencies?: unknown };
    const parsed = dependencyMapSchema.safeParse(manifest.dependencies ?? {});
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export function summaryOf(record: PackageRecord): PackageSummary {
  const { files, ...rest } = record;
  return {
    ...rest,
    fileCount: Object.keys(files).length,
    dependencies: declaredDependencies(record),
  };
}
