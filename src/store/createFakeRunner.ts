// moved to ./fakeRunner.testSupport; kept for runSlice.test until the merge
export * from './fakeRunner.testSupport';
