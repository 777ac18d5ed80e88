/** The window's own origin, `mobility://app` (served by app-protocol.ts; why not file://: see there). */
export const APP_SCHEME = 'mobility';
export const APP_HOST = 'app';
export const APP_PAGE_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;
