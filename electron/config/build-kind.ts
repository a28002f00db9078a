/**
 * What kind of build is running, from the two facts that tell them apart: Electron's app.isPackaged
 * (false when an Electron binary runs the project folder, as `npm start` and the `electron`
 * Playwright project do) and __STEPGATE_E2E_BUILD__, which build/build-electron-main.ts sets only
 * for `npm run dist -- --e2e` (the asar integrity fuse keeps anyone from changing it afterwards).
 *
 * - `release`: an installed app, as people get it;
 * - `e2e`: a package built for Playwright to drive (never given to people);
 * - `development`: the project folder run by a plain Electron binary.
 */
export type BuildKind = 'release' | 'e2e' | 'development';

export function buildKindOf(input: { readonly isPackaged: boolean; readonly e2eBuild: boolean }): BuildKind {
  if (input.e2eBuild) return 'e2e';
  return input.isPackaged ? 'release' : 'development';
}

/** Whether DevTools may open at all: never in a release, which must not show a person's session to whoever sits at it. */
export function devToolsAllowed(kind: BuildKind): boolean {
  return kind !== 'release';
}
