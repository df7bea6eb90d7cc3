// The engine's public surface. Everything here is pure: it runs in Node (tests), in the
// sandbox worker and in the UI (for derivations such as the platform view).

export * from './schemas';
export type { ExtensibilityPoint, ResponseUse, WebtaskContext } from './points/types';
export { points, getPoint } from './points';
export { validateBody, type BodyValidation } from './validateBody';
export { payloadJsonSchema, type JsonSchema } from './jsonSchemas';
export {
  executeHook,
  UNSERIALIZABLE_MESSAGE,
  type ExecuteHookOptions,
  type ExecutingHook,
} from './executeHook';
export {
  platformView,
  type PlatformView,
  type MetadataChange,
  type MetadataProblem,
} from './platformView';
export { serialize, SERIALIZE_LIMITS } from './serialize';
export { serializeError } from './serializeError';
export { formatLogArgs } from './formatLog';
export { MAX_LOG_ENTRIES } from './createLogSink';
export { parseSpecifier, type ModuleRequest, type ModuleResolver } from './createRequire';
