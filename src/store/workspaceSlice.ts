// moved to ./draftSlice (and the other slices); kept for runSlice.test until the merge
export type { Draft } from './draftSlice';
