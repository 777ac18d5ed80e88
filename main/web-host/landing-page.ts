import { promises as fs } from 'node:fs';
import path from 'node:path';
import { SESSION_META_NAME } from '../../common/web-session';
import { escapeHtml } from './responses';

/** The landing page in two parts: the first screen's answers go between them (first-replies.ts). */
export interface LandingPage {
  /** Everything before `</body>`: the head, with its scripts, goes out at once. */
  beforeReplies: string;
  /** `</body>` and what follows it. */
  afterReplies: string;
}

/**
 * The wizard's index.html with the session key in a `<meta name="mobility-session">`: the token landing answers
 * the page itself instead of redirecting to `/#session=<key>`, which cost the browser a second navigation before
 * it could fetch a script. The page moves the key into its storage, removes the element and replaces the URL
 * (and with it the spent token) in the address bar and history. The reply carries the security headers of every
 * reply: no-store (no cache keeps the key) and no-referrer (the token's URL never travels in a Referer).
 */
export function createLandingPage(staticDir: string) {
  // Read when the host starts, once (the built renderer does not change while it serves), so the link's landing
  // answers without a disk read; a failed read is tried again by the next landing.
  let indexHtml: Promise<string> | null = null;
  const readIndex = (): Promise<string> => {
    indexHtml ??= fs
      .realpath(staticDir)
      .then((dir) => fs.readFile(path.join(dir, 'index.html'), 'utf8'))
      .catch((error: unknown) => {
        indexHtml = null;
        throw error;
      });
    return indexHtml;
  };
  readIndex().catch(() => undefined);
  return async function landingPage(key: string): Promise<LandingPage> {
    const index = await readIndex();
    const meta = `<meta name="${SESSION_META_NAME}" content="${escapeHtml(key)}" />`;
    // Into <head>, before the scripts that read it (a document without one: first, where the parser makes one).
    const at = index.indexOf('<head>');
    const page = at === -1 ? `${meta}\n${index}` : `${index.slice(0, at + 6)}\n    ${meta}${index.slice(at + 6)}`;
    const end = page.lastIndexOf('</body>');
    return end === -1
      ? { beforeReplies: page, afterReplies: '' }
      : { beforeReplies: page.slice(0, end), afterReplies: page.slice(end) };
  };
}
