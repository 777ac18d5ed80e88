/**
 * How the wizard page proves it is the wizard page to the browser host. Shared by main/web-host (which
 * checks) and renderer/api (which sends), so the two can never drift apart.
 *
 * Cookies are not separated by port: any page on 127.0.0.1:OTHERPORT gets the host's session cookie on its own
 * requests, so its owner can replay it. The session key below lives only in the wizard origin's storage
 * (origins do include the port) and is sent explicitly, so a request carrying only ambient cookies is refused.
 */

/** The header every API call carries. A custom header also forces a CORS preflight on any cross-origin try. */
export const SESSION_HEADER = 'X-Mobility-Session';

/**
 * The `<meta name>` the token landing hands the key in: the landing answers the page itself (one navigation), and
 * the page takes the key out of its own document before anything else runs.
 */
export const SESSION_META_NAME = 'mobility-session';

/** WebSocket subprotocol the server answers with (browsers fail a handshake that offers protocols when none is chosen). */
export const EVENTS_PROTOCOL = 'mobility-events.v1';

/** Prefix of the second subprotocol offered, which carries the key (base64url is valid in a protocol token). */
export const SESSION_PROTOCOL_PREFIX = 'mobility-session.';

/** Where the page keeps the key (localStorage of http://127.0.0.1:PORT: this origin only, every tab of this browser). */
export const SESSION_STORAGE_KEY = 'mobility-setup.session-key';

/** A key is 32 random bytes in base64url: anything else is not worth sending. */
export const SESSION_KEY_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * The browser host's bundle download: POST /api/downloadBundle answers with the archive itself (application/gzip),
 * not a JSON Result, so it is not a contract method; it passes the same session, Origin and content-type checks.
 */
export const BUNDLE_DOWNLOAD_METHOD = 'downloadBundle';
