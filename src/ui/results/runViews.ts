// The run's views (and parts of views) that show nothing until a run (or a Run both) has
// happened, or until their tab is chosen: one chunk, loaded after start-up or on first use
// (lazyRunViews.tsx).
export { ApiCallsView } from './ApiCallsView';
export { EnvelopeView } from './EnvelopeView';
export { RequiredModules } from './RequiredModules';
export { HookVsAction } from '../compare/HookVsAction';
export { OutboundList } from '../network/OutboundList';
export { RunErrorAlert } from './RunErrorAlert';
export { AccessTokenClaimsBody } from './AccessTokenClaimsBody';
export { MergedUserBody } from './MergedUserBody';
export { ResponseBody } from './ResponseBody';
export { ConsoleList } from './ConsoleList';
