import { describe, expect, it } from 'vitest';
import { shareFragmentOf } from './pastedLink';

describe('shareFragmentOf', () => {
  it('takes the share fragment of a whole link or of the fragment alone', () => {
    expect(shareFragmentOf('  https://hookpad.example/app#share=abc_-1 ')).toBe('#share=abc_-1');
    expect(shareFragmentOf('#share=xyz')).toBe('#share=xyz');
  });

  it('refuses text without a share fragment, or with an empty one', () => {
    expect(shareFragmentOf('https://hookpad.example/')).toBeNull();
    expect(shareFragmentOf('https://hookpad.example/#other=1')).toBeNull();
    expect(shareFragmentOf('https://hookpad.example/#share=')).toBeNull();
    expect(shareFragmentOf('')).toBeNull();
  });
});
