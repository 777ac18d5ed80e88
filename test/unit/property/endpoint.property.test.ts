import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEndpoint } from '../../../common/endpoint';
import { hostileText } from './hostile-strings';

// Anything a POSIX shell or cmd.exe would act on, plus whitespace and control characters.
const SHELL_META = /[\s\p{Cc};&|$`'"<>(){}*?!#~\\^%=,[\]]/u;

const structured = fc
  .tuple(
    fc.oneof(fc.domain(), fc.ipV4(), fc.ipV6(), fc.constantFrom('cs01', 'CS-01.corp.example', 'localhost')),
    fc.option(fc.integer({ min: 0, max: 70_000 })),
    fc.constantFrom('', '; rm -rf /', '$(id)', '`id`', ' && x', '\nid', '|cat', '/path', "'", '#x', '%0a'),
  )
  .map(([host, port, suffix]) => {
    const withPort = port === null ? host : host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
    return { text: withPort + suffix, clean: suffix === '' && (port === null || (port >= 1 && port <= 65535)) };
  });

function assertSafeIfAccepted(input: string): boolean {
  const parsed = parseEndpoint(input);
  if (!parsed.ok) {
    expect(parsed.code).toMatch(/^endpoint\./);
    return false;
  }
  const { host, display, port, kind } = parsed.endpoint;
  expect(host).not.toMatch(SHELL_META);
  // Brackets appear only around an IPv6 address followed by a port.
  expect(display.replace(/^\[([0-9A-Fa-f:.]+)\]:/, '$1:')).not.toMatch(SHELL_META);
  expect(port).toBeGreaterThanOrEqual(1);
  expect(port).toBeLessThanOrEqual(65535);
  const again = parseEndpoint(display);
  expect(again.ok && again.endpoint).toEqual({ host, port, kind, display });
  return true;
}

describe('parseEndpoint with hostile input', () => {
  it('refuses, or accepts only clean text that round-trips (arbitrary strings)', () => {
    fc.assert(
      fc.property(hostileText('/tmp/x', 60), (text) => {
        assertSafeIfAccepted(text);
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts well-formed addresses, refuses them with injected suffixes, and never lets metacharacters through', () => {
    let accepted = 0;
    fc.assert(
      fc.property(structured, ({ text, clean }) => {
        const ok = assertSafeIfAccepted(text);
        if (clean) expect(ok).toBe(true);
        else expect(ok).toBe(false);
        if (ok) accepted += 1;
      }),
      { numRuns: 1000 },
    );
    expect(accepted).toBeGreaterThan(0);
  });
});
