import { MAX_TIMEOUT_MS, MIN_TIMEOUT_MS } from '../core/schemas';

export type Reporter = 'table' | 'junit';

export interface TestCommand {
  command: 'test';
  path: string;
  reporter: Reporter;
  /** Where the report goes; absent = standard output. */
  output?: string;
  /** The timeout of a test that sets none; absent = the app's default. */
  timeoutMs?: number;
}

export type ParsedArgs =
  TestCommand | { command: 'help' } | { command: 'usage-error'; message: string };

export const USAGE = `Usage: hookpad test <path> [--reporter table|junit] [--output file] [--timeout ms]

Runs the tests of every hook in <path>: a deploy-cli export (a folder with hooks/ or a
tenant.yaml, tests in hookpad-tests/, or a zip of one) or a Hookpad workspace .json.

  --reporter table   a table of results, with Expected/Actual for failures (default)
  --reporter junit   JUnit XML for CI, to --output or else to standard output (the table
                     then goes to standard error)
  --output file      also write the report to this file
  --timeout ms       the timeout of tests that set none (${MIN_TIMEOUT_MS}–${MAX_TIMEOUT_MS}; default 20000)

Exit status: 0 all tests passed, 1 a test failed, timed out or could not run,
2 bad usage or unreadable input.`;

const usageError = (message: string): ParsedArgs => ({ command: 'usage-error', message });

/** The command line after the program name; `--name value` and `--name=value` both work. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) {
    return argv.length === 0 ? usageError('No command given.') : { command: 'help' };
  }
  const [command, ...rest] = argv;
  if (command !== 'test') return usageError(`Unknown command "${command}": the command is "test".`);
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let index = 0; index < rest.length; index += 1) {
    const arg = rest[index]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const name = equals === -1 ? arg.slice(2) : arg.slice(2, equals);
    if (!['reporter', 'output', 'timeout'].includes(name))
      return usageError(`Unknown option --${name}.`);
    const value = equals === -1 ? rest[(index += 1)] : arg.slice(equals + 1);
    if (value === undefined || value === '') return usageError(`--${name} needs a value.`);
    options.set(name, value);
  }
  if (positional.length !== 1) {
    return usageError(
      positional.length === 0
        ? 'No path given: name a deploy-cli folder or a workspace .json.'
        : `One path at a time; got ${positional.join(', ')}.`,
    );
  }
  const reporter = options.get('reporter') ?? 'table';
  if (reporter !== 'table' && reporter !== 'junit') {
    return usageError(`--reporter must be table or junit; got "${reporter}".`);
  }
  const parsed: TestCommand = { command: 'test', path: positional[0]!, reporter };
  const output = options.get('output');
  if (output !== undefined) parsed.output = output;
  const timeout = options.get('timeout');
  if (timeout !== undefined) {
    const ms = Number(timeout);
    if (!/^\d+$/.test(timeout) || ms < MIN_TIMEOUT_MS || ms > MAX_TIMEOUT_MS) {
      return usageError(
        `--timeout must be a whole number of milliseconds from ${MIN_TIMEOUT_MS} to ${MAX_TIMEOUT_MS}; got "${timeout}".`,
      );
    }
    parsed.timeoutMs = ms;
  }
  return parsed;
}
