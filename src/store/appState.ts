import type { RunSlice } from './runSlice';
import type { WorkspaceSlice } from './workspaceSlice';

/** The whole store: the user's inputs (workspace) and the current run. */
export type AppState = WorkspaceSlice & RunSlice;
