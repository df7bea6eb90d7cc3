import { availableParallelism } from 'node:os';
import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config';

// Unit tests run in Node against the same build setup (defines, plugins) as the app.
export default defineConfig((env) =>
  mergeConfig(viteConfig(env), {
    test: {
      include: [
        'src/**/*.test.ts',
        'scripts/**/*.test.ts',
        'e2e/bench/**/*.test.ts',
        'e2e/support/**/*.test.ts',
      ],
      environment: 'node',
      // Test files share their worker's module cache instead of importing everything again
      // per file: the suite took 170 s with isolation and 56 s without, on 2 CPUs, green in
      // file-shuffled orders too. So a test file undoes what it changes in globals (README,
      // Tests); stubbed globals are restored after every test.
      isolate: false,
      unstubGlobals: true,
      // One test file per CPU. Vitest's own default leaves one CPU free (one worker on 2), but
      // the suite waits as much as it computes (real timers, CLI processes, worker threads):
      // on 2 CPUs, 52 s with one worker, 31–38 s with two, green in shuffled file orders too.
      maxWorkers: availableParallelism(),
    },
  }),
);
