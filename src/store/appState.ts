import type { ActionSlice } from './actionSlice';
import type { CompareSlice } from './compareSlice';
import type { DraftSlice } from './draftSlice';
import type { HooksSlice } from './hooksSlice';
import type { PackagesSlice } from './packagesSlice';
import type { RunSlice } from './runSlice';
import type { SessionSlice } from './sessionSlice';
import type { SyncSlice } from './syncSlice';
import type { TestCasesSlice } from './testCasesSlice';
import type { TestsSlice } from './testsSlice';
import type { VersionsSlice } from './versionsSlice';

/**
 * The whole store: the hooks list, their drafts and versions, what storage and other tabs
 * report, this tab's session, the current run, the hooks' tests and their results, and the
 * last "Run both" of a hook and its Action.
 */
export type AppState = HooksSlice &
  DraftSlice &
  VersionsSlice &
  SyncSlice &
  SessionSlice &
  RunSlice &
  TestCasesSlice &
  TestsSlice &
  ActionSlice &
  CompareSlice &
  PackagesSlice;
