// Node's `os` as the platform's Node 18 on Linux x64 reported it. Hookpad has no host to ask
// (and must not show the user's machine), so these are fixed, plausible values
// (docs/runtime-semantics.md §10): hostname 'webtask', 2 CPUs, 4 GiB of memory.

const CPU = {
  model: 'Intel(R) Xeon(R) Platinum 8259CL CPU @ 2.50GHz',
  speed: 2500,
  times: { user: 0, nice: 0, sys: 0, idle: 0, irq: 0 },
};
const GIB = 1024 ** 3;

export function createOsModule(now: () => number): Record<string, unknown> {
  const user = { uid: 1000, gid: 1000, username: 'node', homedir: '/home/node', shell: null };
  return {
    EOL: '\n',
    devNull: '/dev/null',
    arch: () => 'x64',
    availableParallelism: () => 2,
    cpus: () => [CPU, CPU].map((cpu) => ({ ...cpu, times: { ...cpu.times } })),
    endianness: () => 'LE',
    freemem: () => 2 * GIB,
    getPriority: () => 0,
    homedir: () => user.homedir,
    hostname: () => 'webtask',
    loadavg: () => [0, 0, 0],
    machine: () => 'x86_64',
    networkInterfaces: () => ({
      lo: [
        {
          address: '127.0.0.1',
          netmask: '255.0.0.0',
          family: 'IPv4',
          mac: '00:00:00:00:00:00',
          internal: true,
          cidr: '127.0.0.1/8',
        },
      ],
    }),
    platform: () => 'linux',
    release: () => '5.10.0',
    setPriority: () => undefined,
    tmpdir: () => '/tmp',
    totalmem: () => 4 * GIB,
    type: () => 'Linux',
    uptime: () => Math.floor(now() / 1000),
    userInfo: () => ({ ...user }),
    version: () => '#1 SMP',
    constants: {
      signals: { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 },
      errno: { ENOENT: 2, EACCES: 13, ETIMEDOUT: 110 },
      priority: { PRIORITY_NORMAL: 0 },
    },
  };
}
