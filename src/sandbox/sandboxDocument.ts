/**
 * The iframe's only network rule: nothing. Scripts run inline (the frame script) or from
 * blob: URLs (the workers); 'unsafe-eval' is what lets the engine compile the hook.
 */
export const SANDBOX_CSP =
  "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval' blob:; worker-src blob:; connect-src 'none'";

/**
 * Makes script text safe to place between <script> and </script>: the HTML parser would end
 * the element at any "</script", and "<!--" can switch it into a state where the real end
 * tag is not recognised. `<\/` and `<\!` read as the same characters inside JavaScript
 * strings, templates, regexps and comments, which is where a bundle can contain them.
 */
export function escapeInlineScript(script: string): string {
  return script.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

/** The srcdoc of the sandbox iframe. */
export function sandboxDocument(frameScript: string): string {
  return (
    '<!doctype html>' +
    `<meta http-equiv="Content-Security-Policy" content="${SANDBOX_CSP}">` +
    `<script>${escapeInlineScript(frameScript)}</script>`
  );
}
