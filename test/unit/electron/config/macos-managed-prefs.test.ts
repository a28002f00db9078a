import { describe, expect, it } from 'vitest';
import { parsePlist } from '../../../../electron/config/macos-managed-prefs.js';

describe('parsePlist', () => {
  it('parses a managed preferences file as plutil prints it', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
	<key>serverUrl</key>
	<string>https://id.example.com/a?b&amp;c</string>
	<key>allowKeepSignedIn</key>
	<false/>
	<key>externalOrigins</key>
	<array>
		<string>https://portal.example.com</string>
	</array>
	<key>retries</key>
	<integer>3</integer>
	<key>nested</key>
	<dict><key>on</key><true/><key>empty</key><string/></dict>
	<!-- a comment -->
</dict>
</plist>`;
    expect(parsePlist(xml)).toEqual({
      serverUrl: 'https://id.example.com/a?b&c',
      allowKeepSignedIn: false,
      externalOrigins: ['https://portal.example.com'],
      retries: 3,
      nested: { on: true, empty: '' },
    });
  });

  it.each([
    ['not a plist', '<dict></dict>'],
    ['truncated', '<plist><dict><key>a</key>'],
    ['key without value order', '<plist><dict><string>x</string></dict></plist>'],
    ['bad number', '<plist><integer>x</integer></plist>'],
  ])('rejects %s', (_, xml) => {
    expect(() => parsePlist(xml)).toThrow();
  });
});
