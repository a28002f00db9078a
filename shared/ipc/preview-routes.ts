/** Paths of the browser preview's bridge: the IPC contract carried over HTTP. */
export const PREVIEW_ROUTES = {
  state: '/__bridge/state',
  intent: '/__bridge/intent',
  events: '/__bridge/events',
  /** GET: the diagnostics, collected now; POST …/copy: "Copy diagnostics". */
  diagnostics: '/__bridge/diagnostics',
  copyDiagnostics: '/__bridge/diagnostics/copy',
  /** For tests: the URLs the app asked to open in the browser. */
  opened: '/__preview/opened',
  /** For tests: the text "Copy diagnostics" would have put on the clipboard, which a browser page's server cannot reach. */
  clipboard: '/__preview/clipboard',
} as const;

/** id of the <script type="application/json"> in which the preview hands the page its first view. */
export const INITIAL_VIEW_ELEMENT_ID = 'stepgate-initial-view';
