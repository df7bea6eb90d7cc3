import {
  MAX_AUTO_MOCK_RESULTS,
  MAX_AUTO_MOCKS,
  MAX_HTTP_MOCKS,
  MAX_MODULE_MOCKS,
} from '../../core/inputLimits';
import type { HookDraft } from '../hookRecord';
import {
  MODULE_MOCK_STARTER,
  newHttpMock,
  type HttpMockPatch,
  type ModuleMockPatch,
} from './network';

type NetworkDraft = HookDraft['network'];
/** A change of a hook's network settings; undefined means "nothing changes". */
export type NetworkEdit = (network: NetworkDraft) => NetworkDraft | undefined;

/** Adds a mock at the end; none past MAX_HTTP_MOCKS (the record would be refused). */
export const addHttpMockEdit =
  (mock: NetworkDraft['mocks'][number]): NetworkEdit =>
  (network) =>
    network.mocks.length >= MAX_HTTP_MOCKS
      ? undefined
      : { ...network, mocks: [...network.mocks, mock] };

/** A request the user wants a mock for, as the Outbound requests list shows it. */
export interface RequestToMock {
  /** Absent for clients that do not say; they send GET. */
  method?: string | undefined;
  url: string;
}

const methodOf = (request: RequestToMock) => (request.method ?? 'GET').toUpperCase();

/** The mock already written for exactly this request: the same method and the URL itself. */
export const findHttpMockFor = (
  network: NetworkDraft,
  request: RequestToMock,
): NetworkDraft['mocks'][number] | undefined =>
  network.mocks.find(
    (mock) => mock.method.toUpperCase() === methodOf(request) && mock.urlPattern === request.url,
  );

/** A new mock answering exactly this request with 200 and an empty body. */
export const httpMockFor = (request: RequestToMock): NetworkDraft['mocks'][number] => ({
  ...newHttpMock(),
  method: methodOf(request),
  urlPattern: request.url,
});

export const updateHttpMockEdit =
  (mockId: string, patch: HttpMockPatch): NetworkEdit =>
  (network) => {
    const index = network.mocks.findIndex((mock) => mock.id === mockId);
    if (index < 0) return undefined;
    const mocks = [...network.mocks];
    const { id: _ignored, ...changes } = patch as HttpMockPatch & { id?: string };
    mocks[index] = { ...mocks[index]!, ...changes };
    return { ...network, mocks };
  };

export const removeHttpMockEdit =
  (mockId: string): NetworkEdit =>
  (network) =>
    network.mocks.some((mock) => mock.id === mockId)
      ? { ...network, mocks: network.mocks.filter((mock) => mock.id !== mockId) }
      : undefined;

export const moveHttpMockEdit =
  (mockId: string, delta: number): NetworkEdit =>
  (network) => {
    const from = network.mocks.findIndex((mock) => mock.id === mockId);
    if (from < 0 || !Number.isInteger(delta)) return undefined;
    const to = Math.min(network.mocks.length - 1, Math.max(0, from + delta));
    if (to === from) return undefined;
    const mocks = [...network.mocks];
    const [moved] = mocks.splice(from, 1);
    mocks.splice(to, 0, moved!);
    return { ...network, mocks };
  };

export const setAllowNetworkEdit =
  (on: boolean): NetworkEdit =>
  (network) =>
    network.allowNetwork === on ? undefined : { ...network, allowNetwork: on };

/**
 * Adds a module mock with starter code (no-op if the name exists or MAX_MODULE_MOCKS are
 * there); it stops being auto-mocked.
 */
export const addModuleMockEdit =
  (name: string): NetworkEdit =>
  (network) => {
    if (network.moduleMocks.some((mock) => mock.name === name)) return undefined;
    if (network.moduleMocks.length >= MAX_MODULE_MOCKS) return undefined;
    return {
      ...network,
      moduleMocks: [...network.moduleMocks, { name, code: MODULE_MOCK_STARTER }],
      autoMocks: network.autoMocks.filter((auto) => auto !== name),
    };
  };

export const updateModuleMockEdit =
  (index: number, patch: ModuleMockPatch): NetworkEdit =>
  (network) => {
    const current = network.moduleMocks[index];
    if (current === undefined) return undefined;
    const next = { ...current, ...patch };
    if (next.name === current.name && next.code === current.code) return undefined;
    const moduleMocks = [...network.moduleMocks];
    moduleMocks[index] = next;
    // A renamed module mock takes its auto-mock switch with it.
    const autoMocks =
      next.name !== current.name && network.autoMocks.includes(current.name)
        ? network.autoMocks.map((auto) => (auto === current.name ? next.name : auto))
        : network.autoMocks;
    return { ...network, moduleMocks, autoMocks };
  };

export const removeModuleMockEdit =
  (index: number): NetworkEdit =>
  (network) => {
    const removed = network.moduleMocks[index];
    if (removed === undefined) return undefined;
    return {
      ...network,
      moduleMocks: network.moduleMocks.filter((_, at) => at !== index),
      // Removing the row removes the module, auto-mocked or not.
      autoMocks: network.autoMocks.filter((auto) => auto !== removed.name),
    };
  };

export const addAutoMockEdit =
  (name: string): NetworkEdit =>
  (network) =>
    network.autoMocks.includes(name) || network.autoMocks.length >= MAX_AUTO_MOCKS
      ? undefined
      : { ...network, autoMocks: [...network.autoMocks, name] };

export const removeAutoMockEdit =
  (name: string): NetworkEdit =>
  (network) =>
    network.autoMocks.includes(name)
      ? { ...network, autoMocks: network.autoMocks.filter((auto) => auto !== name) }
      : undefined;

export const renameAutoMockEdit =
  (from: string, to: string): NetworkEdit =>
  (network) =>
    from === to || !network.autoMocks.includes(from)
      ? undefined
      : { ...network, autoMocks: network.autoMocks.map((auto) => (auto === from ? to : auto)) };

type AutoMockResultRow = NonNullable<NetworkDraft['autoMockResults']>[number];

/** The row of the result rule for exactly this call path, or -1. */
export const findAutoMockResult = (network: NetworkDraft, path: string): number =>
  (network.autoMockResults ?? []).findIndex((row) => row.path.trim() === path);

/** Appends a result rule answering `{}` (refused at MAX_AUTO_MOCK_RESULTS). */
export const addAutoMockResultEdit =
  (path: string): NetworkEdit =>
  (network) => {
    const rows = network.autoMockResults ?? [];
    if (rows.length >= MAX_AUTO_MOCK_RESULTS) return undefined;
    return { ...network, autoMockResults: [...rows, { path, resultText: '{}' }] };
  };

export const updateAutoMockResultEdit =
  (index: number, patch: Partial<AutoMockResultRow>): NetworkEdit =>
  (network) => {
    const rows = network.autoMockResults ?? [];
    const current = rows[index];
    if (current === undefined) return undefined;
    const next = { ...current, ...patch };
    if (next.path === current.path && next.resultText === current.resultText) return undefined;
    return { ...network, autoMockResults: rows.map((row, at) => (at === index ? next : row)) };
  };

export const removeAutoMockResultEdit =
  (index: number): NetworkEdit =>
  (network) => {
    const rows = network.autoMockResults ?? [];
    if (rows[index] === undefined) return undefined;
    const autoMockResults = rows.filter((_, at) => at !== index);
    // The last rule gone: the draft reads as one that never had any.
    if (autoMockResults.length > 0) return { ...network, autoMockResults };
    const { autoMockResults: _removed, ...rest } = network;
    return rest;
  };
