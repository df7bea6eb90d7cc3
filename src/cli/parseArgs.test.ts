import { describe, expect, it } from 'vitest';
import { parseArgs } from './parseArgs';

describe('parseArgs', () => {
  it('reads the path and defaults to the table reporter', () => {
    expect(parseArgs(['test', 'tenant'])).toEqual({
      command: 'test',
      path: 'tenant',
      reporter: 'table',
    });
  });

  it('reads --reporter, --output and --timeout, as separate values or with =', () => {
    expect(
      parseArgs(['test', '--reporter', 'junit', 'tenant', '--output=out.xml', '--timeout', '5000']),
    ).toEqual({
      command: 'test',
      path: 'tenant',
      reporter: 'junit',
      output: 'out.xml',
      timeoutMs: 5000,
    });
  });

  it('answers --help with the usage', () => {
    expect(parseArgs(['test', '--help'])).toEqual({ command: 'help' });
  });

  it.each([
    [[], 'No command given.'],
    [['run', 'x'], 'Unknown command "run": the command is "test".'],
    [['test'], 'No path given: name a deploy-cli folder or a workspace .json.'],
    [['test', 'a', 'b'], 'One path at a time; got a, b.'],
    [['test', 'a', '--reporter', 'html'], '--reporter must be table or junit; got "html".'],
    [['test', 'a', '--output'], '--output needs a value.'],
    [['test', 'a', '--verbose'], 'Unknown option --verbose.'],
    [
      ['test', 'a', '--timeout', '1.5'],
      '--timeout must be a whole number of milliseconds from 50 to 600000; got "1.5".',
    ],
    [
      ['test', 'a', '--timeout=10'],
      '--timeout must be a whole number of milliseconds from 50 to 600000; got "10".',
    ],
  ])('refuses %j: %s', (argv, message) => {
    expect(parseArgs(argv)).toEqual({ command: 'usage-error', message });
  });
});
