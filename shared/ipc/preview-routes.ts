/** Paths of the browser preview's bridge: the IPC contract carried over HTTP. */
export const PREVIEW_ROUTES = {
  state: '/__bridge/state',
  intent: '/__bridge/intent',
  events: '/__bridge/events',
  /** For tests: the URLs the app asked to open in the browser. */
  opened: '/__preview/opened',
} as const;

/** id of the <script type="application/json"> in which the preview hands the page its first view. */
export const INITIAL_VIEW_ELEMENT_ID = 'stepgate-initial-view';
