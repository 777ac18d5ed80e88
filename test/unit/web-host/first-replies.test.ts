import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FIRST_CALLS } from '../../../common/first-calls';
import type { Result } from '../../../common/result';
import type { Dispatch } from '../../../main/api/dispatch';
import { firstScreenReplies } from '../../../main/web-host/first-replies';
import { apiCall, request, sessionKeyFromLandingPage, startTestHost } from './helpers';
import type { TestHost } from './helpers';

const FIRST_METHODS = FIRST_CALLS.map(([method]) => method);
const CARRIED = /<script type="application\/json" id="mobility-first-replies">([^<]*)<\/script>/;

let t: TestHost | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

describe("the link's landing carries the first screen's answers", () => {
  it('ends the page with the answers the API gives, escaped so that no string in them can end the element', async () => {
    // A wait no loaded test machine exceeds: this test is about what the landing carries, not how fast.
    t = await startTestHost({ firstRepliesWaitMs: 30_000 });
    // A hostile release name, as a local file could carry one: it must stay text inside the JSON.
    const hostile = '</script><script>alert(1)</script><!-- &amp;';
    const root = path.join(path.dirname(t.staticDir), 'root');
    await mkdir(path.join(root, 'etc'), { recursive: true });
    await writeFile(path.join(root, 'etc', 'os-release'), `NAME="${hostile}"\nID=hostile\nVERSION_ID="1"\n`);

    const landing = await request(t, { path: `/?token=${t.token}` });
    expect(landing.status).toBe(200);
    // Written in parts: the head before the answers.
    expect(landing.headers['transfer-encoding']).toBe('chunked');
    expect(landing.body).not.toContain('<script>alert');
    expect(landing.body.match(/<\/script>/g)).toHaveLength(2); // the page's module script, and the data block
    const carried = JSON.parse(CARRIED.exec(landing.body)?.[1] ?? 'null') as Record<string, Result<unknown>>;
    expect(Object.keys(carried).sort()).toEqual([...FIRST_METHODS].sort());
    const detected = carried.detect as Result<{ os: { distribution: string } }>;
    expect(detected.ok && detected.value.os.distribution).toBe(hostile);

    // The same answers the page would get by asking: one path (dispatch), and the core's cached results.
    t.sessionKey = sessionKeyFromLandingPage(landing.body);
    const cookie = (landing.headers['set-cookie'] ?? '').split(';')[0] ?? '';
    for (const method of FIRST_METHODS) {
      const asked = await apiCall(t, cookie, method, '{}');
      expect(JSON.parse(asked.body), method).toEqual(carried[method]);
    }
  });

  it('a page that reloads / (no landing) gets no answers and no key: it asks itself', async () => {
    t = await startTestHost();
    const landing = await request(t, { path: `/?token=${t.token}` });
    const cookie = (landing.headers['set-cookie'] ?? '').split(';')[0] ?? '';
    const reload = await request(t, { path: '/', headers: { Cookie: cookie } });
    expect(reload.status).toBe(200);
    expect(reload.body).not.toContain('mobility-first-replies');
  });
});

describe('firstScreenReplies', () => {
  it('takes the answers that came within the wait and leaves the rest to the page; a late answer changes nothing', async () => {
    let answerDetect: (reply: Result<unknown>) => void = () => undefined;
    const asked: string[] = [];
    const dispatch: Dispatch = (method) => {
      asked.push(method);
      if (method === 'detect') return new Promise((resolve) => (answerDetect = resolve));
      if (method === 'checkAntivirus') return Promise.reject(new Error('dispatch threw'));
      return Promise.resolve({ ok: true, value: method });
    };
    const started = Date.now();
    const replies = await firstScreenReplies(dispatch, 50);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(asked).toEqual(FIRST_METHODS);
    expect(replies).toEqual({
      getSession: { ok: true, value: 'getSession' },
      getLatestJob: { ok: true, value: 'getLatestJob' },
    });
    answerDetect({ ok: true, value: 'late' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(replies.detect).toBeUndefined();
  });

  it('does not wait out the deadline when every answer is in', async () => {
    const dispatch: Dispatch = (method) => Promise.resolve({ ok: true, value: method });
    const started = Date.now();
    const replies = await firstScreenReplies(dispatch, 60_000);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(Object.keys(replies)).toEqual(FIRST_METHODS);
  });
});
