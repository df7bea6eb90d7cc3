import { describe, expect, it } from 'vitest';
import { matchStoredDependencies, storedRoots, storedVersionFor } from './storedRoots';

const VERSIONS = ['4.17.20', '4.17.21', '3.10.1'];

describe('storedVersionFor', () => {
  it('takes the highest stored version for latest, * or nothing', () => {
    for (const range of ['latest', '*', '', ' latest ']) {
      expect(storedVersionFor(range, VERSIONS)).toBe('4.17.21');
    }
  });

  it('takes the highest stored version a range or version satisfies', () => {
    expect(storedVersionFor('^3', VERSIONS)).toBe('3.10.1');
    expect(storedVersionFor('4.17.20', VERSIONS)).toBe('4.17.20');
    expect(storedVersionFor('~4.17.0', VERSIONS)).toBe('4.17.21');
  });

  it('finds none when nothing stored satisfies, or for a tag only the registry knows', () => {
    expect(storedVersionFor('^5', VERSIONS)).toBeUndefined();
    expect(storedVersionFor('next', VERSIONS)).toBeUndefined();
    expect(storedVersionFor('latest', [])).toBeUndefined();
  });
});

describe('matchStoredDependencies and storedRoots', () => {
  it('pins each satisfied dependency to its stored version and leaves the others out', () => {
    const matches = matchStoredDependencies(
      { lodash: '^4.17.0', jsonwebtoken: 'latest', axios: '1.6.0' },
      [
        { name: 'lodash', version: '4.17.21' },
        { name: 'lodash', version: '3.10.1' },
        { name: 'jsonwebtoken', version: '9.0.2' },
        { name: 'axios', version: '1.7.0' },
      ],
    );
    expect(matches).toEqual([
      { name: 'lodash', range: '^4.17.0', stored: '4.17.21' },
      { name: 'jsonwebtoken', range: 'latest', stored: '9.0.2' },
      { name: 'axios', range: '1.6.0', stored: undefined },
    ]);
    expect(storedRoots(matches)).toEqual([
      { name: 'lodash', range: '4.17.21' },
      { name: 'jsonwebtoken', range: '9.0.2' },
    ]);
  });
});
