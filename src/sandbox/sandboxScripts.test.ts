import { lateModuleRanges, lateModulesUrl, workerScriptUrl } from 'virtual:hook-sandbox';
import { lateModuleScripts } from 'virtual:hook-sandbox-sources';
import { afterEach, describe, expect, it, vi } from 'vitest';

// sandboxScripts keeps what it fetched for the module's life: each test gets a fresh copy.
async function freshSandboxScripts() {
  vi.resetModules();
  return (await import('./sandboxScripts')).sandboxScripts;
}

function serve(answer: (url: string) => Response | Promise<Response>) {
  const asked: string[] = [];
  vi.stubGlobal('fetch', (url: string) => {
    asked.push(url);
    return Promise.resolve(answer(url));
  });
  return asked;
}

afterEach(() => {
  vi.resetModules();
});

describe('sandboxScripts', () => {
  it("fetches the worker's script and the late modules' file once, as JavaScript Blobs", async () => {
    const sandboxScripts = await freshSandboxScripts();
    // The late modules' file is their scripts one after the other, as the build writes it.
    const lateFile = Object.keys(lateModuleRanges)
      .map((name) => lateModuleScripts[name])
      .join('');
    const asked = serve(
      (url) =>
        new Response(url === lateModulesUrl ? lateFile : `/* ${url} */`, {
          headers: { 'Content-Type': 'x' },
        }),
    );
    const [first, second] = await Promise.all([sandboxScripts(), sandboxScripts()]);
    expect(second).toBe(first);
    expect(await sandboxScripts()).toBe(first);
    expect(asked.sort()).toEqual([workerScriptUrl, lateModulesUrl].sort());
    expect(first.worker.type).toBe('text/javascript');
    expect(await first.worker.text()).toBe(`/* ${workerScriptUrl} */`);
    // Each late module's Blob is exactly its script.
    expect(Object.keys(first.lateModules).sort()).toEqual(Object.keys(lateModuleScripts).sort());
    for (const [name, blob] of Object.entries(first.lateModules)) {
      expect(blob.type).toBe('text/javascript');
      expect(await blob.text()).toBe(lateModuleScripts[name]);
    }
  });

  it('says which script failed, and asks again next time', async () => {
    const sandboxScripts = await freshSandboxScripts();
    let broken = true;
    const asked = serve((url) =>
      broken && url === workerScriptUrl
        ? new Response('gone', { status: 404 })
        : new Response('void 0'),
    );
    await expect(sandboxScripts()).rejects.toThrow(`${workerScriptUrl} answered 404`);
    broken = false;
    const scripts = await sandboxScripts();
    expect(await scripts.worker.text()).toBe('void 0');
    expect(asked.filter((url) => url === workerScriptUrl)).toHaveLength(2);
  });

  it('refuses a network failure the same way', async () => {
    const sandboxScripts = await freshSandboxScripts();
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(sandboxScripts()).rejects.toThrow('Failed to fetch');
  });
});
