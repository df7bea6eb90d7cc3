import { describe, expect, it } from 'vitest';
import { maskSecrets, SECRET_MASK } from './maskSecrets';

describe('maskSecrets', () => {
  it('replaces every occurrence of each secret value', () => {
    expect(maskSecrets('key=abc, again abc; other=xyz', { A: 'abc', B: 'xyz' })).toBe(
      `key=${SECRET_MASK}, again ${SECRET_MASK}; other=${SECRET_MASK}`,
    );
  });

  it('masks the longest value first, so a value containing another is masked whole', () => {
    expect(maskSecrets('token abcdef and abc', { SHORT: 'abc', LONG: 'abcdef' })).toBe(
      `token ${SECRET_MASK} and ${SECRET_MASK}`,
    );
  });

  it('ignores empty values', () => {
    expect(maskSecrets('nothing to hide', { EMPTY: '' })).toBe('nothing to hide');
  });

  it('leaves revealed secrets visible and masks the rest', () => {
    expect(maskSecrets('a=one b=two', { A: 'one', B: 'two' }, new Set(['A']))).toBe(
      `a=one b=${SECRET_MASK}`,
    );
  });

  it('still masks a value shared by a revealed and a hidden secret', () => {
    expect(maskSecrets('v=same', { A: 'same', B: 'same' }, new Set(['A']))).toBe(
      `v=${SECRET_MASK}`,
    );
  });

  it('treats regular expression characters in values literally', () => {
    expect(maskSecrets('p=a.b*c (x) a-b-c', { P: 'a.b*c', Q: '(x)' })).toBe(
      `p=${SECRET_MASK} ${SECRET_MASK} a-b-c`,
    );
    expect(maskSecrets('$& and $1', { D: '$&' })).toBe(`${SECRET_MASK} and $1`);
  });

  it('does not mask across its own masks', () => {
    // "•" could be part of a secret; replacement happens in one pass over the original.
    expect(maskSecrets('x•y', { A: 'x', B: '•' })).toBe(`${SECRET_MASK}${SECRET_MASK}y`);
  });

  it('returns the text unchanged without secrets', () => {
    expect(maskSecrets('plain', {})).toBe('plain');
  });
});
