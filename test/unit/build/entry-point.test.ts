import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { isEntryPoint, namesModule } from '../../../build/entry-point.js';

describe('namesModule on Windows', () => {
  const url = 'file:///C:/Users/Anna%20Berg/step%20gate/build/build-server.ts';

  it.each([
    ['the path Node gives', 'C:\\Users\\Anna Berg\\step gate\\build\\build-server.ts'],
    ['another case of drive and folders', 'c:\\users\\anna berg\\STEP GATE\\build\\Build-Server.ts'],
    ['forward slashes', 'C:/Users/Anna Berg/step gate/build/build-server.ts'],
    ['a name tsx completes', 'C:\\Users\\Anna Berg\\step gate\\build\\build-server'],
    ['the .js name tsx maps to .ts', 'C:\\Users\\Anna Berg\\step gate\\build\\build-server.js'],
    ['dots in the path', 'C:\\Users\\Anna Berg\\step gate\\build\\..\\build\\.\\build-server.ts'],
  ])('matches %s', (_name, argv1) => {
    expect(namesModule(url, argv1, 'win32')).toBe(true);
  });

  it('matches what Node for Windows gives for a script on another drive', () => {
    expect(namesModule('file:///Z:/tmp/step%20gate%20w/build/build-server.ts', 'Z:\\tmp\\step gate w\\build\\build-server.ts', 'win32')).toBe(true);
  });

  it('matches a network share', () => {
    expect(namesModule('file://fileserver/tools/step%20gate/build/build-server.ts', '\\\\fileserver\\tools\\step gate\\build\\build-server.ts', 'win32')).toBe(true);
  });

  it.each([
    ['another script', 'C:\\Users\\Anna Berg\\step gate\\build\\build-testing-kit.ts'],
    ['the same name on another drive', 'D:\\Users\\Anna Berg\\step gate\\build\\build-server.ts'],
    ['the escaped form of the path', 'C:\\Users\\Anna%20Berg\\step%20gate\\build\\build-server.ts'],
    ['a longer name', 'C:\\Users\\Anna Berg\\step gate\\build\\build-server.ts.bak'],
    ['no script at all (the REPL)', undefined],
  ])('does not match %s', (_name, argv1) => {
    expect(namesModule(url, argv1, 'win32')).toBe(false);
  });
});

describe('namesModule on Linux and macOS', () => {
  const url = 'file:///home/anna/step%20gate%20%231/electron/launch/start-desktop.ts';
  const path = '/home/anna/step gate #1/electron/launch/start-desktop.ts';

  it('matches a path with characters a URL escapes', () => {
    expect(namesModule(url, path, 'linux')).toBe(true);
    expect(namesModule(url, '/home/anna/step gate #1/electron/launch/start-desktop', 'linux')).toBe(true);
  });

  it('tells case apart on Linux, not on macOS', () => {
    const otherCase = '/home/anna/Step Gate #1/electron/launch/start-desktop.ts';
    expect(namesModule(url, otherCase, 'linux')).toBe(false);
    expect(namesModule(url, otherCase, 'darwin')).toBe(true);
  });

  it('does not match the module that imports it, nor a URL that is not a file', () => {
    expect(namesModule(url, '/home/anna/step gate #1/electron/launch/start-demo.ts', 'linux')).toBe(false);
    expect(namesModule('data:text/javascript,1', path, 'linux')).toBe(false);
    expect(namesModule(url, '', 'linux')).toBe(false);
  });
});

describe('isEntryPoint', () => {
  const root = mkdtempSync(join(tmpdir(), 'stepgate entry '));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, 'real dir'));
  const script = join(root, 'real dir', 'start.ts');
  writeFileSync(script, '');
  symlinkSync(join(root, 'real dir'), join(root, 'linked dir'));
  const moduleUrl = pathToFileURL(script).href;

  it('matches the script through a symlinked folder, as `tsx` run from a link leaves argv[1]', () => {
    expect(isEntryPoint(moduleUrl, join(root, 'linked dir', 'start.ts'))).toBe(true);
    expect(isEntryPoint(moduleUrl, join(root, 'linked dir', 'start'))).toBe(true);
  });

  it('matches the module URL given through the link, and nothing else', () => {
    expect(isEntryPoint(pathToFileURL(join(root, 'linked dir', 'start.ts')).href, script)).toBe(true);
    expect(isEntryPoint(moduleUrl, join(root, 'real dir', 'other.ts'))).toBe(false);
    expect(isEntryPoint(moduleUrl, undefined)).toBe(false);
  });
});
