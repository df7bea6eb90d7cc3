import loadPorts from './loadPorts.cjs';
import { invalidArgType, systemError, type SystemError } from './systemErrors';

// Node's `child_process` in a sandbox that cannot start processes (docs/runtime-semantics.md
// §10.2): there is no program to run, so every spawn fails as Node's does for a command that
// does not exist (ENOENT, `spawn git ENOENT`), which packages such as google-auth-library
// already handle as "not installed". The asynchronous forms report it later (an 'error'
// event, then 'exit' and 'close'; exec and execFile through their callback), spawnSync
// returns it in its result and the other sync forms throw it.

export interface ProcessEnvironment {
  defer(callback: () => void): void;
}

const NO_PROCESSES = "Hookpad's sandbox cannot start processes";
const ENOENT_EXIT = -2;

function notStarted(syscall: string, file: string, args: readonly unknown[]): SystemError {
  return systemError(
    `${syscall} ${file} ENOENT (${NO_PROCESSES})`,
    'ENOENT',
    `${syscall} ${file}`,
    {
      path: file,
      spawnargs: [...args],
    },
  );
}

/** (file, args?, options?, callback?) with the optional parts left out, as Node allows. */
function splitArguments(rest: readonly unknown[]): { args: unknown[]; callback?: Listener } {
  const args = Array.isArray(rest[0]) ? [...(rest[0] as unknown[])] : [];
  const callback = rest.find((arg) => typeof arg === 'function') as Listener | undefined;
  return callback ? { args, callback } : { args };
}

function fileArgument(file: unknown): string {
  if (typeof file !== 'string') throw invalidArgType('file', 'of type string', file);
  return file;
}

type Listener = (...args: unknown[]) => void;
interface Emitter {
  on(event: string, listener: Listener): this;
  emit(event: string, ...args: unknown[]): boolean;
}
interface Streams {
  Readable: new (options?: object) => { push(chunk: null): boolean };
  Writable: new (options?: object) => { destroy(): void };
}

export function createChildProcessModule(env: ProcessEnvironment): Record<string, unknown> {
  const EventEmitter = loadPorts.events() as new () => Emitter;
  const { Readable, Writable } = loadPorts.stream() as Streams;

  const endedOutput = () => {
    const stream = new Readable({ read() {} });
    stream.push(null);
    return stream;
  };

  class ChildProcess extends EventEmitter {
    pid: number | undefined = undefined;
    exitCode: number | null = null;
    signalCode: string | null = null;
    killed = false;
    connected = false;
    spawnfile = '';
    spawnargs: string[] = [];
    // As in Node, the pipes exist even though the program never started: output ends at once.
    stdin = new Writable({ write: (_c: unknown, _e: unknown, done: Listener) => done() });
    stdout = endedOutput();
    stderr = endedOutput();
    get stdio(): unknown[] {
      return [this.stdin, this.stdout, this.stderr];
    }
    kill(): boolean {
      return false;
    }
    ref(): void {}
    unref(): void {}
    disconnect(): void {}
  }

  /** A child that never started: 'error', then 'exit' and 'close' with ENOENT's code. */
  function failedChild(file: string, args: readonly unknown[], error: SystemError): ChildProcess {
    const child = new ChildProcess();
    child.spawnfile = file;
    child.spawnargs = [file, ...args.map(String)];
    child.stdin.destroy();
    env.defer(() => {
      child.exitCode = ENOENT_EXIT;
      child.emit('error', error);
      child.emit('exit', ENOENT_EXIT, null);
      child.emit('close', ENOENT_EXIT, null);
    });
    return child;
  }

  function spawn(file: unknown, ...rest: unknown[]): ChildProcess {
    const name = fileArgument(file);
    const { args } = splitArguments(rest);
    return failedChild(name, args, notStarted('spawn', name, args));
  }

  /** exec and execFile: the error also reaches the callback, with empty output, and `cmd`. */
  function withCallback(name: string, args: unknown[], cmd: string, callback?: Listener) {
    const error = Object.assign(notStarted('spawn', name, args), { cmd });
    const child = failedChild(name, args, error);
    if (callback) child.on('error', () => callback(error, '', ''));
    return child;
  }

  function execFile(file: unknown, ...rest: unknown[]): ChildProcess {
    const name = fileArgument(file);
    const { args, callback } = splitArguments(rest);
    return withCallback(name, args, [name, ...args].join(' '), callback);
  }

  function exec(command: unknown, ...rest: unknown[]): ChildProcess {
    const text = fileArgument(command);
    const callback = rest.find((arg) => typeof arg === 'function') as Listener | undefined;
    // exec runs the command through /bin/sh, which the sandbox does not have either.
    return withCallback('/bin/sh', ['-c', text], text, callback);
  }

  function spawnSyncResult(file: unknown, rest: readonly unknown[]) {
    const name = fileArgument(file);
    const { args } = splitArguments(rest);
    const error = notStarted('spawnSync', name, args);
    return { error, status: null, signal: null, output: null, pid: 0, stdout: null, stderr: null };
  }

  /** execSync and execFileSync throw the error, which also carries the result's fields. */
  const throwing = (result: ReturnType<typeof spawnSyncResult>): never => {
    throw Object.assign(result.error, result);
  };

  return {
    ChildProcess,
    spawn,
    exec,
    execFile,
    fork: (modulePath: unknown, ...rest: unknown[]) => {
      const { args } = splitArguments(rest);
      // fork runs Node itself on the module.
      return failedChild(
        'node',
        [fileArgument(modulePath), ...args],
        notStarted('spawn', 'node', [modulePath, ...args]),
      );
    },
    spawnSync: (file: unknown, ...rest: unknown[]) => spawnSyncResult(file, rest),
    execFileSync: (file: unknown, ...rest: unknown[]) => throwing(spawnSyncResult(file, rest)),
    execSync: (command: unknown) =>
      throwing(spawnSyncResult('/bin/sh', [['-c', fileArgument(command)]])),
  };
}
