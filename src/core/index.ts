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
  PROMISE_SETTLED_WITHOUT_CB,
  type ExecuteHookOptions,
  type ExecutingHook,
} from './executeHook';
export {
  platformView,
  type PlatformView,
  type MetadataChange,
  type MetadataProblem,
} from './platformView';
export {
  platformEnvelope,
  COMPILE_MESSAGE,
  SYNC_EXCEPTION_MESSAGE,
  NO_ANSWER_NOTE,
  TIMEOUT_NOTE,
  CANCELLED_NOTE,
  CRASHED_NOTE,
  type Envelope,
} from './platformEnvelope';
export { claimDropReason } from './accessTokenClaimsView';
export { RESPONSE_IGNORED, MESSAGE_NOT_SENT } from './platformView';
export { serialize, SERIALIZE_LIMITS } from './serialize';
export { serializeError } from './serializeError';
export { formatLogArgs } from './formatLog';
export { MAX_LOG_ENTRIES, MAX_LOGS_KEPT, LOG_LIMITS, REQUEST_LIMITS } from './outputLimits';
export { parseSpecifier, type ModuleSpecifier, type ModuleResolver } from './createRequire';
export { BUILTIN_MODULES, NODE_CORE_MODULES } from './node/builtinModules';
export {
  createWebtaskStorage,
  storageEtag,
  FORCE_MESSAGE,
  CONFLICT_MESSAGE,
  type WebtaskStorage,
} from './createWebtaskStorage';
export * from './networkSchemas';
export { MODULE_FIX_HINT, type ModuleKind, type ModuleSubstituter } from './createRequire';
export { dependenciesOf, UNPINNED_VERSION } from './network/dependenciesOf';
export { matchUrlPattern, compileUrlPattern } from './network/matchUrlPattern';
export {
  createRequestRouter,
  mockResponseHeaders,
  type OutboundRequest,
  type InboundResponse,
  type RequestRouter,
  type RequestRouterOptions,
  type NetworkTimers,
} from './network/createRequestRouter';
export { createTrace, type Trace } from './network/createTrace';
export { CLIENT_MODULES, NO_NETWORK } from './network/createNetwork';
export { FETCH_REFUSED_EXPLANATION } from './network/nodeErrors';
export { TRACE_BODY_LIMIT } from './network/bytes';
export { slackPayload } from './network/clients/createSlackNotify';
