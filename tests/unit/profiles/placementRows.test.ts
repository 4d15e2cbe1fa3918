import { describe, expect, it } from 'vitest';
import { parseProfileContent, profileFieldIssues } from '../../../electron/engine/profiles';

describe('profile size rows naming placements', () => {
  it('a row may be a placement id: it brings the placement pixels; bare WxH rows stay as they were', () => {
    const content = parseProfileContent({ name: 'Mixed', sizes: [{ placement: 'iab-300x250' }, { width: 1080, height: 1080 }], output: { format: 'auto', maxKB: 120 } });
    expect(content.sizes).toEqual([
      { width: 300, height: 250, policy: 'auto', placement: 'iab-300x250' },
      { width: 1080, height: 1080, policy: 'auto' },
    ]);
    expect(content.output).toEqual({ format: 'auto', quality: 90, fill: { style: 'blur' }, maxKB: 120, copyMetadata: true });
  });

  it('refuses an unknown placement and pixels that contradict the placement', () => {
    expect(profileFieldIssues({ name: 'X', sizes: [{ placement: 'iab-1x1' }] }).map((issue) => issue.message).join(' ')).toMatch(/No placement has this id/);
    expect(profileFieldIssues({ name: 'X', sizes: [{ placement: 'iab-300x250', width: 300, height: 251 }] }).map((issue) => issue.message)).toContain(
      'iab-300x250 is 300x250: remove the placement to use 300x251.',
    );
  });

  it('two placements of the same pixels are refused like any duplicate size (outputs are kept by size)', () => {
    const issues = profileFieldIssues({ name: 'X', sizes: [{ placement: 'meta-stories' }, { placement: 'meta-reels' }] });
    expect(issues.map((issue) => issue.message)).toContain('1080x1920 is already in the list.');
  });

  it('the copy setting can be turned off', () => {
    expect(parseProfileContent({ name: 'X', sizes: [{ width: 10, height: 10, policy: 'local' }], output: { copyMetadata: false } }).output.copyMetadata).toBe(false);
  });
});
