// moved to ../workspace/draft/secrets; kept for runSlice until the merge
export * from '../workspace/draft/secrets';
