/**
 * The contract is written in three places: requestSchemas/ReplyTypes/EventTypes (common/api.ts), the channel
 * lists the preload and IPC handlers are generated from (common/channels.ts), and the bridge type. A method
 * or event added on one side and missed on another fails here (at run time, and in `tsc` for the type lists).
 */
import { describe, expect, it } from 'vitest';
import { requestSchemas } from '../../../common/api';
import { isEventNamed } from '../../../common/event-guard';
import type { EventArgs, EventName, EventTypes, Method, ReplyTypes } from '../../../common/api';
import { EVENT_CHANNEL, EVENTS, IPC_PREFIX, METHODS, ipcChannel } from '../../../common/channels';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const typesAgree = <T extends true>(value: T): T => value;

// Runtime lists of the type-only tables: `satisfies` refuses a missing or an extra key when tsc runs.
const eventNames = { detection: true, job: true, jobLog: true, antivirus: true } satisfies Record<EventName, true>;
const replyNames = {
  getSession: true,
  detect: true,
  findInstaller: true,
  checkConnectivity: true,
  startInstall: true,
  startRegister: true,
  startUninstall: true,
  getJob: true,
  getLatestJob: true,
  readJobLog: true,
  cancelJob: true,
  readLogFile: true,
  openLogFile: true,
  checkAntivirus: true,
  fixAntivirus: true,
  diagnose: true,
  readLogLines: true,
  searchLog: true,
  prepareBundle: true,
  saveBundle: true,
  saveBundleWithDialog: true,
  discardBundle: true,
} satisfies Record<keyof ReplyTypes, true>;

describe('the shared contract', () => {
  it('lists the same methods for the channels as the request schemas', () => {
    expect([...METHODS].sort()).toEqual(Object.keys(requestSchemas).sort());
    expect(typesAgree<Same<(typeof METHODS)[number], Method>>(true)).toBe(true);
  });

  it('has a reply type for every method and nothing else', () => {
    expect(Object.keys(replyNames).sort()).toEqual([...METHODS].sort());
    expect(typesAgree<Same<keyof ReplyTypes, Method>>(true)).toBe(true);
  });

  it('lists the same events as EventTypes', () => {
    expect([...EVENTS].sort()).toEqual(Object.keys(eventNames).sort());
    expect(typesAgree<Same<(typeof EVENTS)[number], EventName>>(true)).toBe(true);
  });

  it('types an event by its name: checking the name narrows the payload, with no cast', () => {
    const log: EventArgs = ['jobLog', { jobId: 'j', from: 3, lines: ['a', 'b'] }];
    const seen: string[] = [];
    const listen = (...event: EventArgs): void => {
      // Without the discriminated union, `payload.lines` would not compile here.
      if (event[0] === 'jobLog') seen.push(...event[1].lines);
    };
    listen(...log);
    expect(seen).toEqual(['a', 'b']);
    expect(isEventNamed(log, 'jobLog')).toBe(true);
    expect(isEventNamed(log, 'job')).toBe(false);
    if (isEventNamed(log, 'jobLog')) expect(typesAgree<Same<(typeof log)[1], EventTypes['jobLog']>>(true)).toBe(true);
  });

  it('gives every method its own prefixed channel, distinct from the event channel', () => {
    const channels = METHODS.map(ipcChannel);
    expect(new Set(channels).size).toBe(METHODS.length);
    for (const channel of channels) expect(channel.startsWith(IPC_PREFIX)).toBe(true);
    expect(channels).not.toContain(EVENT_CHANNEL);
    expect(new Set(METHODS).size).toBe(METHODS.length);
    expect(new Set(EVENTS).size).toBe(EVENTS.length);
  });

  it('accepts an empty object for the no-argument methods and refuses unknown fields everywhere', () => {
    expect(requestSchemas.getSession.safeParse({}).success).toBe(true);
    expect(requestSchemas.detect.safeParse({}).success).toBe(true);
    for (const method of METHODS) {
      expect(requestSchemas[method].safeParse({ unexpected: 1 }).success, method).toBe(false);
    }
  });
});

describe('install only', () => {
  it('names the kind of server it is installed for: the installer is set up for one, nothing guesses', () => {
    const base = { installerDir: '/srv/installers' };
    expect(requestSchemas.startInstall.safeParse({ ...base, registration: { mode: 'none' } }).success).toBe(false);
    expect(
      requestSchemas.startInstall.safeParse({ ...base, registration: { mode: 'none', serverKind: 'modernized' } })
        .success,
    ).toBe(true);
  });
});
