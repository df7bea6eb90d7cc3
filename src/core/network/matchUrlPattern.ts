// How an HttpMock's urlPattern matches a request URL: an exact URL, a prefix ending in `*`,
// or a regular expression written `/…/flags`. URLs are compared as written and, where
// both parse, in their normalised form (so `https://x.com` matches `https://x.com/`).

export type UrlMatcher = (url: string) => boolean;

export type CompiledPattern = { ok: true; test: UrlMatcher } | { ok: false; reason: string };

function normalise(url: string): string | undefined {
  try {
    return new URL(url).href;
  } catch {
    return undefined;
  }
}

const REGEX_LITERAL = /^\/(.*)\/([a-z]*)$/s;

export function compileUrlPattern(pattern: string): CompiledPattern {
  const literal = REGEX_LITERAL.exec(pattern);
  if (literal && pattern.length >= 2) {
    try {
      const regex = new RegExp(literal[1] ?? '', (literal[2] ?? '').replace(/[gy]/g, ''));
      return { ok: true, test: (url) => regex.test(url) };
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : String(error) };
    }
  }
  if (pattern.endsWith('*')) {
    const prefix = pattern.slice(0, -1);
    return {
      ok: true,
      test: (url) => url.startsWith(prefix) || (normalise(url) ?? '').startsWith(prefix),
    };
  }
  const normalPattern = normalise(pattern);
  return {
    ok: true,
    test: (url) =>
      url === pattern || (normalPattern !== undefined && normalise(url) === normalPattern),
  };
}

/** Whether `pattern` matches `url`; an invalid regular expression matches nothing. */
export function matchUrlPattern(pattern: string, url: string): boolean {
  const compiled = compileUrlPattern(pattern);
  return compiled.ok && compiled.test(url);
}
