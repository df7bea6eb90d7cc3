import type { ComponentProps, ComponentType, ReactNode } from 'react';
import { afterStartup } from '../../perf/editorReady';
import { useAppStore } from '../../store';
import { LazyPartSlot, lazyPart } from '../common/lazyPart';
import { loadOnce } from '../../core/loadOnce';

type RunViews = typeof import('./runViews');

const loadRunViews = loadOnce(() => import('./runViews'));
const preloads: (() => void)[] = [];

function runView<K extends keyof RunViews>(name: K) {
  type Props = ComponentProps<RunViews[K]> & object;
  const part = lazyPart<Props>(() =>
    loadRunViews().then((views) => views[name] as ComponentType<Props>),
  );
  preloads.push(part.preload);
  return part.Part;
}

const ApiCallsPart = runView('ApiCallsView');
const RequiredModulesPart = runView('RequiredModules');
const HookVsActionPart = runView('HookVsAction');
const EnvelopePart = runView('EnvelopeView');
const RunErrorAlertPart = runView('RunErrorAlert');
const OutboundListPart = runView('OutboundList');
const ConsoleListPart = runView('ConsoleList');
const ResponseBodyPart = runView('ResponseBody');
const MergedUserBodyPart = runView('MergedUserBody');
const AccessTokenClaimsBodyPart = runView('AccessTokenClaimsBody');

// Not needed for the first paint: fetched once the editor is up (one chunk for all of them),
// so the first run's views render with its result, without competing with Monaco's start.
void afterStartup().then(() => {
  for (const preload of preloads) preload();
});

/** These views render nothing before the first run: nothing to load until there is one. */
function AfterRun({ children }: { children: ReactNode }) {
  const ran = useAppStore((state) => state.run.status !== 'idle');
  if (!ran) return null;
  return (
    <LazyPartSlot what="This part of the result" fallback={null}>
      {children}
    </LazyPartSlot>
  );
}

export function ApiCallsView() {
  return (
    <AfterRun>
      <ApiCallsPart />
    </AfterRun>
  );
}

export function RequiredModules() {
  return (
    <AfterRun>
      <RequiredModulesPart />
    </AfterRun>
  );
}

/** Renders nothing before a run has ended (and nothing unless it failed). */
export function RunErrorAlert() {
  return (
    <AfterRun>
      <RunErrorAlertPart />
    </AfterRun>
  );
}

/** The entries of Outbound requests, which a run's requests fill. */
export function OutboundList(props: ComponentProps<typeof OutboundListPart>) {
  return (
    <LazyPartSlot what="The list of outbound requests">
      <OutboundListPart {...props} />
    </LazyPartSlot>
  );
}

/** The entries of Console, which a run's output fills. */
export function ConsoleList(props: ComponentProps<typeof ConsoleListPart>) {
  return (
    <LazyPartSlot what="The console output">
      <ConsoleListPart {...props} />
    </LazyPartSlot>
  );
}

/** The Response section's content, from a run's start on. */
export function ResponseBody() {
  return (
    <LazyPartSlot what="The response">
      <ResponseBodyPart />
    </LazyPartSlot>
  );
}

/** The Merged user section's content, from a run's start on. */
export function MergedUserBody() {
  return (
    <LazyPartSlot what="The merged user">
      <MergedUserBodyPart />
    </LazyPartSlot>
  );
}

/** The Access token claims section's content, from a run's start on. */
export function AccessTokenClaimsBody() {
  return (
    <LazyPartSlot what="The access token claims">
      <AccessTokenClaimsBodyPart />
    </LazyPartSlot>
  );
}

/** Shown from the first "Run both" on. */
export function HookVsAction() {
  const compared = useAppStore((state) => state.comparison.status !== 'idle');
  if (!compared) return null;
  return (
    <LazyPartSlot what="The comparison" fallback={null}>
      <HookVsActionPart />
    </LazyPartSlot>
  );
}

/** The Envelope tab's panel, loaded when the tab is first chosen (if not already there). */
export function EnvelopeView() {
  return (
    <LazyPartSlot what="The envelope">
      <EnvelopePart />
    </LazyPartSlot>
  );
}
