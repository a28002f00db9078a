/**
 * Runs under Node for Windows (node.exe under Wine, test/windows/wine.ts), bundled as the app's
 * main process is. Reads every policy state the test made in one process and writes what each read
 * came to as JSON to the file named by argv[3] (Wine gives a program's standard output only to a file).
 *
 * argv[2]: the cases file (JSON: the app names under Software\Policies\<vendor>\ to read);
 * argv[3]: the results file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { isEntryPoint } from '../../build/entry-point.js';
import { loadConfig } from '../../electron/config/load-config.js';
import { nativeRegistry } from '../../electron/config/native-registry.js';
import { nodeConfigEnvironment } from '../../electron/config/node-environment.js';
import { readWindowsPolicy } from '../../electron/config/windows-registry.js';
import type { ProbeInput, ProbeOutput } from './probe-contract.js';

const [casesFile, resultsFile] = process.argv.slice(2);
if (casesFile === undefined || resultsFile === undefined) throw new Error('usage: policy-probe <cases.json> <results.json>');
const input = JSON.parse(readFileSync(casesFile, 'utf8')) as ProbeInput;

const readKey = nativeRegistry();
const output: ProbeOutput = {
  platform: process.platform,
  arch: process.arch,
  entryPoint: isEntryPoint(import.meta.url),
  cases: Object.fromEntries(input.apps.map((app) => [app, readWindowsPolicy(readKey, input.vendor, app)])),
  // The app's own reading, under its real name, with the environment the app builds for itself.
  app: await loadConfig(nodeConfigEnvironment({ userSettingsPath: input.userSettingsPath, buildDefaults: {}, serverOverride: undefined })),
};
writeFileSync(resultsFile, JSON.stringify(output, null, 2));
