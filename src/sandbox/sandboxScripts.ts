import { lateModuleRanges, lateModulesUrl, workerScriptUrl } from 'virtual:hook-sandbox';

/** The hook worker's script and its late modules', as the frame gets them (FrameInit). */
export interface SandboxScripts {
  worker: Blob;
  lateModules: Record<string, Blob>;
}

async function fetchScript(url: string): Promise<Blob> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  // The worker starts from a blob: URL of it, which needs a JavaScript type whatever the
  // server said. The Blob wraps the response's, without a copy.
  return new Blob([await response.blob()], { type: 'text/javascript' });
}

let loading: Promise<SandboxScripts> | undefined;

/**
 * The scripts, fetched once for every frame: as files rather than strings in the app's code,
 * the page neither parses them nor copies them into Blobs on its main thread (vite.config.ts,
 * hookpad-sandbox). A failed fetch is forgotten, so the next frame asks again.
 */
export function sandboxScripts(): Promise<SandboxScripts> {
  loading ??= Promise.all([fetchScript(workerScriptUrl), fetchScript(lateModulesUrl)]).then(
    ([worker, late]) => ({
      worker,
      // Slices of one Blob: handles, not copies.
      lateModules: Object.fromEntries(
        Object.entries(lateModuleRanges).map(([name, [start, end]]) => [
          name,
          late.slice(start, end, 'text/javascript'),
        ]),
      ),
    }),
  );
  loading.catch(() => (loading = undefined));
  return loading;
}
