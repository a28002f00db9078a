/** Replaced when build/build-electron-main.ts bundles the main process: true only in end-to-end builds. */
declare const __STEPGATE_E2E_BUILD__: boolean;
