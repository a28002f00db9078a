/** The names the app goes by, shared by the app, its installers and its policy templates. */
export const APP_IDENTITY = {
  vendor: 'Stepgate',
  app: 'Stepgate',
  /** macOS bundle id, Windows AppUserModelID and electron-builder appId: one name everywhere. */
  bundleId: 'dev.stepgate.desktop',
  linuxPolicyPath: '/etc/stepgate/policy.json',
} as const;
