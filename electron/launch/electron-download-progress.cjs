/**
 * Loaded with --require into Electron's own installer (node_modules/electron/install.js) by
 * fetch-electron.ts, so the installer reports how far its download is over the IPC channel. It
 * changes nothing else the installer does; should @electron/get ever change shape, it does nothing
 * and the parent shows the time spent instead.
 */
const { dirname } = require('node:path');

try {
  const installer = process.argv[1];
  const get = require(require.resolve('@electron/get', { paths: [dirname(installer)] }));
  const original = get.downloadArtifact;
  if (typeof original === 'function' && typeof process.send === 'function') {
    get.downloadArtifact = (details) =>
      original({
        ...details,
        downloadOptions: {
          ...details.downloadOptions,
          getProgressCallback: async (progress) => {
            process.send({ transferred: progress.transferred, total: progress.total ?? null });
          },
        },
      });
  }
} catch {
  // Progress is a nicety; the download goes on without it.
}
