export { lintHook, type LintHint } from './lintHook';
