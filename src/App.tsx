import { useState } from 'react';
import { useCopyShareLink } from './ui/share/useCopyShareLink';
import { useOpenShareLink } from './ui/share/useOpenShareLink';
import { AppHeader } from './ui/shell/AppHeader';
import { CodePane } from './ui/shell/CodePane';
import { ExampleNotice } from './ui/examples/ExampleNotice';
import { HistoryPanel } from './ui/history/HistoryPanel';
import { HooksNav } from './ui/hooks/HooksNav';
import { ImportExport } from './ui/importExport/ImportExport';
import { RunnerPanel } from './ui/runner/RunnerPanel';
import { ShareLinkBar } from './ui/share/ShareLinkBar';
import { ShareLinkError } from './ui/share/ShareLinkError';
import { SplitView } from './ui/shell/SplitView';
import { useRunShortcut } from './ui/runner/useRunShortcut';
import { WorkspaceNotices } from './ui/shell/WorkspaceNotices';
import { SkipLink } from './ui/shell/SkipLink';
import { OpenedLinkBanner } from './ui/share/OpenedLinkBanner';
import { Welcome } from './ui/welcome/Welcome';
import { WorkspaceTests } from './ui/tests/WorkspaceTests';
import { UpdatePrompt } from './ui/pwa/UpdatePrompt';

/** Layout only: header, notices, then (welcome and) hooks | code | runner. */
export function App() {
  const share = useCopyShareLink();
  const opened = useOpenShareLink();
  // One choice per copy: secrets go into a link only when asked, and the box unticks after.
  const [includeSecrets, setIncludeSecrets] = useState(false);
  useRunShortcut();
  return (
    <div className="app">
      <SkipLink />
      <AppHeader
        onCopyShareLink={() => {
          void share.copy(includeSecrets);
          setIncludeSecrets(false);
        }}
        copyingShareLink={share.state.status === 'working'}
        includeSecrets={includeSecrets}
        onIncludeSecretsChange={setIncludeSecrets}
      />
      <ShareLinkBar state={share.state} onDismiss={share.dismiss} />
      <ShareLinkError message={opened.error} onDismiss={opened.dismiss} />
      <OpenedLinkBanner opened={opened.opened} onDismiss={opened.dismissOpened} />
      <ExampleNotice />
      <WorkspaceNotices />
      <UpdatePrompt />
      <div className="workspace">
        <aside className="sidebar">
          <Welcome />
          <HooksNav />
          <WorkspaceTests />
          <ImportExport />
          <HistoryPanel />
        </aside>
        <main className="app-main">
          <SplitView startId="code-pane" start={<CodePane />} end={<RunnerPanel />} />
        </main>
      </div>
    </div>
  );
}
