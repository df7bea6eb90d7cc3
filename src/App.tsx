import { useState } from 'react';
import { useCopyShareLink } from './share/useCopyShareLink';
import { useOpenShareLink } from './share/useOpenShareLink';
import { AppHeader } from './ui/AppHeader';
import { CodePane } from './ui/CodePane';
import { ExampleNotice } from './ui/ExampleNotice';
import { HistoryPanel } from './ui/HistoryPanel';
import { HooksNav } from './ui/HooksNav';
import { ImportExport } from './ui/ImportExport';
import { RunnerPanel } from './ui/RunnerPanel';
import { ShareLinkBar } from './ui/ShareLinkBar';
import { ShareLinkError } from './ui/ShareLinkError';
import { SplitView } from './ui/SplitView';
import { useRunShortcut } from './ui/useRunShortcut';
import { WorkspaceNotices } from './ui/WorkspaceNotices';

/** Layout only: header, notices, then hooks | code | runner. */
export function App() {
  const share = useCopyShareLink();
  const opened = useOpenShareLink();
  // Off by default and not remembered: secrets go into a link only when asked each time.
  const [includeSecrets, setIncludeSecrets] = useState(false);
  useRunShortcut();
  return (
    <div className="app">
      <AppHeader
        onCopyShareLink={() => void share.copy(includeSecrets)}
        copyingShareLink={share.state.status === 'working'}
        includeSecrets={includeSecrets}
        onIncludeSecretsChange={setIncludeSecrets}
      />
      <ShareLinkBar state={share.state} onDismiss={share.dismiss} />
      <ShareLinkError message={opened.error} onDismiss={opened.dismiss} />
      <ExampleNotice />
      <WorkspaceNotices />
      <div className="workspace">
        <aside className="sidebar">
          <HooksNav />
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
