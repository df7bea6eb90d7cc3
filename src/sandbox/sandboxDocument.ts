import type { RunRequest } from '../core/schemas';

/**
 * What a sandbox iframe may reach on the network. The CSP is fixed when its document
 * loads, so each policy has a frame of its own: 'offline' (nothing) for every run, and
 * 'network' (http and https) only for runs with "Allow network" on.
 */
export type SandboxPolicy = 'offline' | 'network';

/** The sandbox a request must run in. */
export function sandboxPolicyFor(request: Pick<RunRequest, 'network'>): SandboxPolicy {
  return request.network?.allowNetwork === true ? 'network' : 'offline';
}

/**
 * Scripts run inline (the frame script) or as workers from blob: URLs (the hook's workers,
 * which inherit this policy); 'unsafe-eval' is what lets the engine compile the hook.
 * script-src has no blob:, so a hook cannot load code with importScripts or import() of a
 * blob: URL. worker-src cannot tell the frame's worker from one a hook would start (a blob:
 * worker inherits its creator's policy), so `new Worker` is refused inside the hook's worker
 * instead (sealNetworkGlobals, docs/runtime-semantics.md §15).
 */
const SCRIPT_POLICY =
  "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; worker-src blob:";

/** The iframe's only network rule: nothing. */
export const SANDBOX_CSP = `${SCRIPT_POLICY}; connect-src 'none'`;

/**
 * With "Allow network": the same, except that the worker's fetch may reach http and https
 * URLs (still subject to CORS, as the sandbox's origin is opaque).
 */
export const NETWORK_SANDBOX_CSP = `${SCRIPT_POLICY}; connect-src http: https:`;

export function sandboxCsp(policy: SandboxPolicy): string {
  return policy === 'network' ? NETWORK_SANDBOX_CSP : SANDBOX_CSP;
}

/**
 * Makes script text safe to place between <script> and </script>: the HTML parser would end
 * the element at any "</script", and "<!--" can switch it into a state where the real end
 * tag is not recognised. `<\/` and `<\!` read as the same characters inside JavaScript
 * strings, templates, regexps and comments, which is where a bundle can contain them.
 */
export function escapeInlineScript(script: string): string {
  return script.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

/** The srcdoc of a sandbox iframe with the given network policy. */
export function sandboxDocument(frameScript: string, policy: SandboxPolicy = 'offline'): string {
  return (
    '<!doctype html>' +
    `<meta http-equiv="Content-Security-Policy" content="${sandboxCsp(policy)}">` +
    `<script>${escapeInlineScript(frameScript)}</script>`
  );
}
