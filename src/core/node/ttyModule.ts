// Node's tty module in a process without a terminal, as a webtask ran (docs/runtime-semantics.md
// §10): no descriptor is a TTY, and a TTY stream cannot be opened. Packages such as debug
// require it to decide on colours.

function ttyInitFailed(): Error {
  return Object.assign(
    new Error('TTY initialization failed: uv_tty_init returned EINVAL (invalid argument)'),
    { name: 'SystemError', code: 'ERR_TTY_INIT_FAILED' },
  );
}

class ReadStream {
  constructor() {
    throw ttyInitFailed();
  }
}

class WriteStream {
  constructor() {
    throw ttyInitFailed();
  }
}

export function createTtyModule(): Record<string, unknown> {
  return { isatty: () => false, ReadStream, WriteStream };
}
