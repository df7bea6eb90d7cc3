import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config';

// Unit tests run in Node against the same build setup (defines, plugins) as the app.
export default defineConfig((env) =>
  mergeConfig(viteConfig(env), {
    test: {
      include: ['src/**/*.test.ts', 'e2e/bench/**/*.test.ts', 'e2e/support/**/*.test.ts'],
      environment: 'node',
    },
  }),
);
