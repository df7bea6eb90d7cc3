import type { UseStore } from 'idb-keyval';
import { packageRecordSchema, type PackageRecord } from '../packages/packageRecord';
import { packageSummarySchema, summaryOf, type PackageSummary } from '../packages/packageSummary';
import {
  createPackageRepository,
  type PackageRepository,
} from '../persist/createPackageRepository';

/** The app's store of npm packages: records with their files, listed by their summaries. */
export function createAppPackageRepository(
  store?: UseStore,
): PackageRepository<PackageRecord, PackageSummary> {
  return createPackageRepository({
    packageSchema: packageRecordSchema,
    summarySchema: packageSummarySchema,
    summaryOf,
    ...(store ? { store } : {}),
  });
}
