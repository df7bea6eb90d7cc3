import type { DraftSlice } from './draftSlice';
import type { HooksSlice } from './hooksSlice';
import type { RunSlice } from './runSlice';
import type { SessionSlice } from './sessionSlice';
import type { SyncSlice } from './syncSlice';
import type { VersionsSlice } from './versionsSlice';

/**
 * The whole store: the hooks list, their drafts and versions, what storage and other tabs
 * report, this tab's session, and the current run.
 */
export type AppState = HooksSlice &
  DraftSlice &
  VersionsSlice &
  SyncSlice &
  SessionSlice &
  RunSlice;
