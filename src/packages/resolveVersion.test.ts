import { describe, expect, it } from 'vitest';
import { packumentSchema } from './packumentSchema';
import { lodashPackument, rawPackument } from './registryFixtures.testSupport';
import { resolveVersion } from './resolveVersion';

const lodash = packumentSchema.parse(lodashPackument);
const many = packumentSchema.parse(
  rawPackument(
    ['1.0.0', '1.2.0', '1.10.3', '2.0.0', '2.1.0', '3.0.0-beta.1', '3.0.0', '3.1.0'].map(
      (version) => ({ name: 'many', version }),
    ),
    undefined,
    { latest: '2.1.0', next: '3.1.0', beta: '3.0.0-beta.1' },
  ),
);
const versionOf = (rangeOrTag: string) => resolveVersion(many, rangeOrTag).version;

describe('the registry metadata schema', () => {
  it('reads what an install needs from real abbreviated metadata and ignores the rest', () => {
    expect(lodash.name).toBe('lodash');
    expect(lodash.distTags).toEqual({ latest: '4.17.21' });
    expect(Object.keys(lodash.versions)).toEqual(['4.17.20', '4.17.21']);
    expect(lodash.versions['4.17.21']).toEqual({
      name: 'lodash',
      version: '4.17.21',
      dependencies: {},
      dist: {
        tarball: 'https://registry.npmjs.org/lodash/-/lodash-4.17.21.tgz',
        integrity: lodashPackument.versions['4.17.21'].dist.integrity,
        shasum: '679591c564c3bffaae8454cf0b3df370c3d6911c',
      },
    });
  });

  it('keeps an unusable version aside with the reason, without spoiling the others', () => {
    const raw = structuredClone(lodashPackument) as {
      versions: Record<string, Record<string, unknown>>;
    };
    raw.versions['4.17.20']!.dist = { shasum: 'nope' };
    raw.versions['0.1.0'] = {
      name: 'lodash',
      version: '0.1.0',
      dependencies: ['underscore'],
      dist: {},
    };
    const parsed = packumentSchema.parse(raw);
    expect(Object.keys(parsed.versions)).toEqual(['4.17.21']);
    expect(parsed.unusable['4.17.20']).toMatch(/tarball/);
    expect(Object.keys(parsed.unusable).sort()).toEqual(['0.1.0', '4.17.20']);
    expect(() => resolveVersion(parsed, '4.17.20')).toThrow(
      /^lodash@4\.17\.20 cannot be installed: .*tarball/,
    );
  });

  it('refuses what cannot be used at all: no name, no versions, hostile names', () => {
    expect(packumentSchema.safeParse({ 'dist-tags': {}, versions: {} }).success).toBe(false);
    expect(packumentSchema.safeParse({ name: 'lodash' }).success).toBe(false);
    expect(packumentSchema.safeParse({ name: '../../etc', versions: {} }).success).toBe(false);
    // As JSON.parse gives it: `__proto__` is an own key there, not the prototype.
    const hostile = packumentSchema.parse(
      JSON.parse(`{
        "name": "p",
        "dist-tags": { "__proto__": "1.0.0", "latest": "1.0.0" },
        "versions": {
          "__proto__": { "name": "p", "version": "9.9.9", "dist": { "tarball": "https://r.example/x.tgz" } },
          "1.0.0": { "name": "p", "version": "1.0.0", "dependencies": { "__proto__": "1", "ok": "1" },
                     "dist": { "tarball": "https://r.example/p.tgz" } },
          "2.0.0": { "name": "p", "version": "2.0.0", "dist": { "tarball": "file:///etc/passwd" } },
          "3.0.0": { "name": "other", "version": "3.0.0", "dist": { "tarball": "https://r.example/o.tgz" } }
        }
      }`),
    );
    expect(Object.keys(hostile.unusable).sort()).toEqual(['2.0.0', '3.0.0']);
    expect(hostile.unusable['3.0.0']).toBe('it names itself other@3.0.0');
    expect(Object.keys(hostile.versions)).toEqual(['1.0.0']);
    expect(Object.keys(hostile.versions['1.0.0']!.dependencies)).toEqual(['ok']);
    expect(hostile.distTags).toEqual({ latest: '1.0.0' });
    expect(Object.getPrototypeOf(hostile.versions)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).version).toBeUndefined();
  });
});

describe('resolveVersion', () => {
  it('takes latest for "latest", "*" and an empty range', () => {
    expect(resolveVersion(lodash, 'latest').version).toBe('4.17.21');
    expect(versionOf('*')).toBe('2.1.0');
    expect(versionOf('')).toBe('2.1.0');
    expect(versionOf('  ')).toBe('2.1.0');
  });

  it('follows other dist-tags', () => {
    expect(versionOf('next')).toBe('3.1.0');
    expect(versionOf('beta')).toBe('3.0.0-beta.1');
  });

  it('takes an exact version, published or not', () => {
    expect(resolveVersion(lodash, '4.17.20').version).toBe('4.17.20');
    expect(versionOf('v1.2.0')).toBe('1.2.0');
    expect(() => resolveVersion(lodash, '4.17.19')).toThrow(
      'lodash@4.17.19 is not published (asked for "4.17.19").',
    );
  });

  it('prefers latest when it satisfies the range, else the highest version that does', () => {
    expect(versionOf('>=1')).toBe('2.1.0');
    expect(versionOf('^1.0.0')).toBe('1.10.3');
    expect(versionOf('~1.2')).toBe('1.2.0');
    expect(versionOf('^3')).toBe('3.1.0');
    expect(versionOf('1.x || 3.x')).toBe('3.1.0');
    expect(resolveVersion(lodash, '^4.17.0').version).toBe('4.17.21');
  });

  it('leaves prereleases out of ranges', () => {
    expect(() => versionOf('>=3.0.0-alpha <3.0.0')).not.toThrow();
    expect(versionOf('>=3.0.0-alpha <3.0.0')).toBe('3.0.0-beta.1');
    expect(versionOf('<3.0.0')).toBe('2.1.0');
  });

  it('says which versions are nearest when nothing satisfies a range', () => {
    expect(() => versionOf('^2.5.0')).toThrow(
      'No version of many satisfies "^2.5.0". Nearest published versions: 1.10.3, 2.0.0, 2.1.0, 3.0.0-beta.1, 3.0.0, 3.1.0.',
    );
    expect(() => resolveVersion(lodash, '^5')).toThrow(
      'Nearest published versions: 4.17.20, 4.17.21.',
    );
  });

  it('refuses what is neither a version, a range nor a tag, listing the tags', () => {
    expect(() => versionOf('not a range!')).toThrow(
      '"not a range!" is neither a version, a range nor a tag of many (its tags: latest, next, beta).',
    );
    expect(() => versionOf('__proto__')).toThrow(/neither a version/);
  });
});
