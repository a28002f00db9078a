/** What the Linux side and the probe running under Wine exchange, as JSON files. */
import type { LoadedConfig } from '../../electron/config/load-config.js';
import type { PolicyRead } from '../../electron/config/policy-read.js';

export interface ProbeInput {
  /** Software\Policies\<vendor>\<app>: one app name per case. */
  readonly vendor: string;
  readonly apps: readonly string[];
  /** A Windows path to a personal settings file that does not exist. */
  readonly userSettingsPath: string;
}

export interface ProbeOutput {
  readonly platform: string;
  readonly arch: string;
  /** build/entry-point.ts's answer for the probe itself, started by a Windows path. */
  readonly entryPoint: boolean;
  readonly cases: Readonly<Record<string, readonly { readonly name: string; readonly read: PolicyRead }[]>>;
  readonly app: LoadedConfig;
}
