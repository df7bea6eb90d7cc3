import { describe, expect, test } from 'vitest';
import { loadBuiltin } from './builtinModules';

// Node's deprecated domain module, as aws-sdk uses it: `active` while a domain's code runs,
// `instanceof Domain`, members, bind and intercept.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Node's untyped module shape
const load = (): any => loadBuiltin('domain', { defer: () => undefined });

describe('domain', () => {
  test('a domain is an EventEmitter, active only while its code runs (nested too)', () => {
    const domain = load();
    const outer = domain.create();
    const inner = domain.createDomain();
    expect(outer).toBeInstanceOf(domain.Domain);
    expect(typeof outer.on).toBe('function');
    expect(domain.active).toBeNull();
    const seen = outer.run(
      (a: number, b: number) => {
        const during = [domain.active === outer, a + b];
        inner.run(() => during.push(domain.active === inner));
        during.push(domain.active === outer);
        return during;
      },
      1,
      2,
    );
    expect(seen).toEqual([true, 3, true, true]);
    expect(domain.active).toBeNull();
  });

  test('an exception inside run propagates to the caller, and the domain is left', () => {
    const domain = load();
    const d = domain.create();
    const errors: unknown[] = [];
    d.on('error', (error: Error) => errors.push(error));
    expect(() =>
      d.run(() => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(errors).toEqual([]);
    expect(domain.active).toBeNull();
  });

  test('add and remove members; bind runs inside; intercept routes a first-argument error', () => {
    const domain = load();
    const d = domain.create();
    const emitter = {};
    d.add(emitter);
    d.add(emitter);
    expect(d.members).toEqual([emitter]);
    expect((emitter as { domain?: unknown }).domain).toBe(d);
    d.remove(emitter);
    expect([d.members, (emitter as { domain?: unknown }).domain]).toEqual([[], null]);

    const bound = d.bind((x: number) => [domain.active === d, x]);
    expect(bound(7)).toEqual([true, 7]);
    expect(bound.domain).toBe(d);

    const errors: unknown[] = [];
    d.on('error', (error: Error & { domain?: unknown; domainThrown?: boolean }) =>
      errors.push([error.message, error.domain === d, error.domainThrown]),
    );
    const intercepted = d.intercept((value: string) => `got ${value}`);
    expect(intercepted(null, 'data')).toBe('got data');
    expect(intercepted(new Error('read failed'), 'data')).toBeUndefined();
    expect(errors).toEqual([['read failed', true, false]]);
  });

  test('each run has its own active domain', () => {
    const first = load();
    const second = load();
    first.create().run(() => expect(second.active).toBeNull());
  });
});
