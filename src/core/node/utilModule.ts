import loadPorts from './loadPorts.cjs';
import { formatWithOptions, type Inspect } from './formatWithOptions';

// Node's util: the npm port, with format and formatWithOptions as Node 18 has them.

export function createUtilModule(): Record<string, unknown> {
  const port = loadPorts.util() as Record<string, unknown> & { inspect: Inspect };
  const { inspect } = port;
  return {
    ...port,
    format: (...args: unknown[]) => formatWithOptions(inspect, {}, ...args),
    formatWithOptions: (options: unknown, ...args: unknown[]) =>
      formatWithOptions(inspect, options, ...args),
  };
}
