import { describe, expect, it } from 'vitest';
import { bridgeSource } from '../../../../renderer/bridge/pick-bridge.js';

describe('bridgeSource', () => {
  it('uses the preload’s bridge wherever there is one', () => {
    expect(bridgeSource('app:', true)).toBe('preload');
  });

  it('uses HTTP only in the browser preview', () => {
    expect(bridgeSource('http:', false)).toBe('http');
  });

  it('has none in an app page whose preload failed, rather than pretending to be the preview', () => {
    expect(bridgeSource('app:', false)).toBe('missing');
    expect(bridgeSource('file:', false)).toBe('missing');
  });
});
