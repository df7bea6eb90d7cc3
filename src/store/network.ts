// moved to ../workspace/draft/network; kept for runSlice until the merge
export * from '../workspace/draft/network';
