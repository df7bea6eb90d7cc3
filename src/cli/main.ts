/**
 * `hookpad test <path>`: runs the tests of a deploy-cli export or a workspace file headless,
 * with the app's engine, each test in a fresh worker thread with the timeout and a heap limit.
 * Bundled by `vite build --mode cli`; src/cli/hookpad.mjs is the command that loads it.
 */
import { availableParallelism } from 'node:os';
import { writeFile } from 'node:fs/promises';
import { formatFailures, formatTable } from './formatReport';
import { junitXml } from './junitXml';
import { InputError, loadSuites } from './loadSuites';
import { USAGE, parseArgs, type TestCommand } from './parseArgs';
import { runInWorker } from './runInWorker';
import { runSuites } from './runSuites';
import { allPassed } from './testReport';

/** The worker's heap limit: far above any hook's needs, far below the machine's. */
export const MEMORY_LIMIT_MB = 256;
// A name, not a literal `new URL('./…', import.meta.url)`, which the bundler would try to resolve.
const WORKER_FILE = 'testWorker.mjs';

export interface Output {
  write(text: string): void;
}
export interface Io {
  stdout: Output;
  stderr: Output;
}

const nodeIo: Io = {
  stdout: { write: (text) => void process.stdout.write(text) },
  stderr: { write: (text) => void process.stderr.write(text) },
};

async function test(command: TestCommand, io: Io): Promise<number> {
  let loaded;
  try {
    loaded = await loadSuites(command.path);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    io.stderr.write(`hookpad: ${error.message}\n`);
    return 2;
  }
  for (const warning of loaded.warnings) io.stderr.write(`hookpad: warning: ${warning}\n`);
  if (loaded.suites.length === 0) {
    io.stderr.write(
      `hookpad: No tests found in ${command.path}: save tests in Hookpad, then export the hooks.\n`,
    );
    return 2;
  }

  const workerUrl = new URL(WORKER_FILE, import.meta.url);
  const reports = await runSuites(loaded.suites, {
    ...(command.timeoutMs !== undefined ? { timeoutMs: command.timeoutMs } : {}),
    concurrency: Math.min(availableParallelism(), 4),
    run: (request, { timeoutMs }, onSettled) =>
      runInWorker(request, { workerUrl, timeoutMs, memoryMb: MEMORY_LIMIT_MB }, onSettled),
  });

  const table = formatTable(reports) + formatFailures(reports).replace(/^(?=.)/, '\n');
  if (command.reporter === 'junit') {
    const xml = junitXml(reports, new Date());
    if (command.output === undefined) {
      io.stdout.write(xml);
      io.stderr.write(table);
    } else {
      await writeFile(command.output, xml);
      io.stdout.write(table);
    }
  } else {
    io.stdout.write(table);
    if (command.output !== undefined) await writeFile(command.output, table);
  }
  return allPassed(reports) ? 0 : 1;
}

/** Runs the command line (without the program's name); resolves to the exit status. */
export async function main(argv: readonly string[], io: Io = nodeIo): Promise<number> {
  const parsed = parseArgs(argv);
  switch (parsed.command) {
    case 'help':
      io.stdout.write(`${USAGE}\n`);
      return 0;
    case 'usage-error':
      io.stderr.write(`hookpad: ${parsed.message}\n\n${USAGE}\n`);
      return 2;
    case 'test':
      try {
        return await test(parsed, io);
      } catch (error) {
        // An output file that cannot be written, say: the input is fine, the run is not.
        io.stderr.write(`hookpad: ${error instanceof Error ? error.message : String(error)}\n`);
        return 2;
      }
  }
}
