import type { NetworkSettings } from '../../core/networkSchemas';

/** One row of the Modules section: a module mock (by index) or an auto-mock of its own. */
export type ModuleRow =
  | { kind: 'mock'; index: number; name: string; code: string; auto: boolean }
  | { kind: 'auto'; name: string };

/** The Modules section's rows: the module mocks, then the auto-mocks that have no mock. */
export function moduleRowsOf(
  moduleMocks: NetworkSettings['moduleMocks'],
  autoMocks: NetworkSettings['autoMocks'],
): ModuleRow[] {
  return [
    ...moduleMocks.map((mock, index) => ({
      kind: 'mock' as const,
      index,
      name: mock.name,
      code: mock.code,
      auto: autoMocks.includes(mock.name),
    })),
    ...autoMocks
      .filter((name) => !moduleMocks.some((mock) => mock.name === name))
      .map((name) => ({ kind: 'auto' as const, name })),
  ];
}
