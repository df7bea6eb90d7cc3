import type { HttpMock, ModuleMock, NetworkSettings } from '../../core/networkSchemas';

/** A point's network settings before the user adds anything: every request is refused. */
export const emptyNetwork = (): NetworkSettings => ({
  mocks: [],
  allowNetwork: false,
  moduleMocks: [],
  autoMocks: [],
});

export const EMPTY_NETWORK: NetworkSettings = Object.freeze(emptyNetwork()) as NetworkSettings;

/** The methods the "Method" select offers; ANY matches every method. */
export const HTTP_MOCK_METHODS = [
  'ANY',
  'GET',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'HEAD',
  'OPTIONS',
] as const;

/** What a new module mock's editor starts with. */
export const MODULE_MOCK_STARTER = 'module.exports = {\n  // …\n};\n';

let counter = 0;
/** A mock id unique within this page (and, with the time, across reloads and links). */
export function newMockId(): string {
  counter += 1;
  return `mock-${Date.now().toString(36)}-${counter}`;
}

export function newHttpMock(): HttpMock {
  return {
    id: newMockId(),
    method: 'ANY',
    urlPattern: '',
    status: 200,
    headers: {},
    body: '',
    delayMs: 0,
  };
}

export type HttpMockPatch = Partial<Omit<HttpMock, 'id'>>;
export type ModuleMockPatch = Partial<ModuleMock>;

/**
 * The settings a run uses: module mocks with a name (trimmed; the first of equal names
 * wins) that are not auto-mocked, auto-mocks with a name, and auto-mock results with a path
 * (trimmed; absent when there are none). The draft keeps the rest (empty rows, a mock's code
 * while its module is auto-mocked) so nothing typed is lost.
 */
export function networkForRun(network: NetworkSettings): NetworkSettings {
  const autoMocks = [...new Set(network.autoMocks.map((name) => name.trim()))].filter(
    (name) => name !== '',
  );
  const seen = new Set<string>(autoMocks);
  const moduleMocks: ModuleMock[] = [];
  for (const mock of network.moduleMocks) {
    const name = mock.name.trim();
    if (name === '' || seen.has(name)) continue;
    seen.add(name);
    moduleMocks.push(name === mock.name ? mock : { ...mock, name });
  }
  const autoMockResults = (network.autoMockResults ?? [])
    .map((result) => ({ ...result, path: result.path.trim() }))
    .filter((result) => result.path !== '');
  return {
    mocks: network.mocks,
    allowNetwork: network.allowNetwork,
    moduleMocks,
    autoMocks,
    ...(autoMockResults.length > 0 ? { autoMockResults } : {}),
  };
}

/** Whether the settings hold nothing at all (no mocks, no modules, network off). */
export const isEmptyNetwork = (network: NetworkSettings): boolean =>
  network.mocks.length === 0 &&
  !network.allowNetwork &&
  network.moduleMocks.length === 0 &&
  network.autoMocks.length === 0 &&
  (network.autoMockResults ?? []).length === 0;
