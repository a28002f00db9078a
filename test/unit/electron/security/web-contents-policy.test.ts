import { describe, expect, it } from 'vitest';
import { editContextMenu, mayNavigate, mayUsePermission, presentsClientCertificate, windowOpenDecision } from '../../../../electron/security/web-contents-policy.js';

describe('web contents policy', () => {
  it('lets pages navigate only within the app', () => {
    expect(mayNavigate('app://stepgate/index.html?window=login')).toBe(true);
    for (const url of ['https://id.example.com/', 'http://127.0.0.1:4000/', 'file:///etc/passwd', 'app://evil/index.html', 'javascript:alert(1)', 'data:text/html,x', 'not a url']) {
      expect(mayNavigate(url), url).toBe(false);
    }
  });

  it('opens no window, whatever the page asks', () => {
    expect(windowOpenDecision()).toEqual({ action: 'deny' });
  });

  it('grants no permission', () => {
    expect(mayUsePermission()).toBe(false);
  });

  it('presents no client certificate, to a page or to the main process’s requests', () => {
    expect(presentsClientCertificate()).toBe(false);
  });

  it('offers only editing, and only in editable fields', () => {
    const flags = { canCut: false, canCopy: true, canPaste: true, canSelectAll: true };
    expect(editContextMenu({ isEditable: false, editFlags: flags })).toBeNull();
    expect(editContextMenu({ isEditable: true, editFlags: flags })).toEqual([
      { role: 'cut', enabled: false },
      { role: 'copy', enabled: true },
      { role: 'paste', enabled: true },
      { type: 'separator' },
      { role: 'selectAll', enabled: true },
    ]);
  });
});
