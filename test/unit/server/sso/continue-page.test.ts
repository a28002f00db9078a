import { describe, expect, it } from 'vitest';
import { CONTINUE_PAGE_CSP, continuePage } from '../../../../server/sso/continue-page.js';

describe('the page a browser sign-in ends on', () => {
  it('moves on to the page without script, and says so to a screen reader', () => {
    const html = continuePage('/settings');
    expect(html).toContain('<meta http-equiv="refresh" content="0;url=/settings">');
    expect(html).toContain('role="status"');
    expect(html).not.toContain('<script');
    expect(CONTINUE_PAGE_CSP).toContain("default-src 'none'");
  });

  it('escapes what it is given', () => {
    expect(continuePage('/a"><script>')).not.toContain('<script>');
  });
});
