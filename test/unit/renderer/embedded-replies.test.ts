// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { FIRST_REPLIES_ELEMENT_ID } from '../../../common/first-calls';
import { takeEmbeddedReplies } from '../../../renderer/api/embedded-replies';
import { firstRepliesElement } from '../../../main/web-host/first-replies';
import { report, session } from './fixtures';

afterEach(() => {
  document.body.innerHTML = '';
});

/** The page as the landing writes it: the element goes in as HTML, parsed like the browser parses the landing. */
function land(html: string): void {
  document.body.innerHTML = `<div id="root"></div>${html}`;
}

describe('the first replies a landing carried in the page', () => {
  it('are read from the element the host writes, once: the element is gone afterwards', () => {
    const hostile = { ...report, os: { ...report.os, distribution: '</script><script>alert(1)</script>&amp;' } };
    land(
      firstRepliesElement({
        detect: { ok: true, value: hostile },
        getSession: { ok: true, value: session },
        getLatestJob: { ok: false, error: { code: 'job.unreadable', message: 'The job record could not be read.' } },
      }),
    );
    // Escaped, the hostile name did not end the element: one element, no script made from the reply's text.
    expect(document.querySelectorAll('script')).toHaveLength(1);
    const replies = takeEmbeddedReplies(document);
    expect(replies.detect).toEqual({ ok: true, value: hostile });
    expect(replies.getSession).toEqual({ ok: true, value: session });
    expect(replies.getLatestJob).toEqual({
      ok: false,
      error: { code: 'job.unreadable', message: 'The job record could not be read.' },
    });
    expect(replies.checkAntivirus).toBeUndefined();
    expect(document.getElementById(FIRST_REPLIES_ELEMENT_ID)).toBeNull();
    expect(takeEmbeddedReplies(document)).toEqual({});
  });

  it('keeps only Results of the first calls: anything else is asked for again', () => {
    land(
      `<script type="application/json" id="${FIRST_REPLIES_ELEMENT_ID}">` +
        JSON.stringify({ detect: { value: report }, getSession: 'yes', installAgent: { ok: true, value: 1 } }) +
        '</script>',
    );
    expect(takeEmbeddedReplies(document)).toEqual({});
  });

  it('gives nothing for unreadable JSON, another element type, or no element (Electron, a reload of /)', () => {
    land(`<script type="application/json" id="${FIRST_REPLIES_ELEMENT_ID}">{"detect": </script>`);
    expect(takeEmbeddedReplies(document)).toEqual({});
    land(`<div id="${FIRST_REPLIES_ELEMENT_ID}">${JSON.stringify({ detect: { ok: true, value: report } })}</div>`);
    expect(takeEmbeddedReplies(document)).toEqual({});
    land('');
    expect(takeEmbeddedReplies(document)).toEqual({});
  });
});
