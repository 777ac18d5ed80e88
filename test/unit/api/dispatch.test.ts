/**
 * dispatch checks flag-only requests (detect) itself and loads the zod schemas (common/api.ts) only for the
 * first request that needs one, so the CLI's `detect` goes through dispatch and still starts without zod.
 */
import { describe, expect, it, vi } from 'vitest';
import type { DetectionReport } from '../../../common/detection';
import { UserError } from '../../../common/result';

const loaded = vi.hoisted(() => ({ schemas: 0 }));
vi.mock('../../../common/api', async (importOriginal) => {
  loaded.schemas++;
  return await importOriginal();
});

const { createDispatcher } = await import('../../../main/api/dispatch');

const logger = { error: vi.fn() };
const report = { root: '/' } as DetectionReport;

describe('dispatch', () => {
  it('checks a flag-only request without loading the zod schemas, then loads them for the first request that needs one', async () => {
    const detect = vi.fn(async () => report);
    const findInstaller = vi.fn(async () => ({ dir: '/srv', candidates: [] }) as never);
    const dispatch = createDispatcher({ detect, findInstaller }, logger);
    expect(await dispatch('detect', {})).toEqual({ ok: true, value: report });
    expect(await dispatch('detect', { refresh: true })).toEqual({ ok: true, value: report });
    expect(detect).toHaveBeenLastCalledWith({ refresh: true });
    // Refused like zod refuses them: an unknown field, a flag that is not a boolean, not an object.
    expect(await dispatch('detect', { refresh: 'yes' })).toMatchObject({
      ok: false,
      error: { code: 'api.invalidRequest', message: 'Invalid request for detect: check refresh.' },
    });
    expect(await dispatch('detect', { passphrase: 'Secret0123456789' })).toMatchObject({
      ok: false,
      error: { code: 'api.invalidRequest' },
    });
    expect(JSON.stringify(await dispatch('detect', { passphrase: 'Secret0123456789' }))).not.toContain(
      'Secret0123456789',
    );
    expect(await dispatch('detect', [])).toMatchObject({ ok: false, error: { code: 'api.invalidRequest' } });
    expect(detect).toHaveBeenCalledTimes(2);
    expect(loaded.schemas).toBe(0);

    expect(await dispatch('findInstaller', { dir: 'a\nb' })).toMatchObject({
      ok: false,
      error: { code: 'api.invalidRequest', message: 'Invalid request for findInstaller: check dir.' },
    });
    expect(loaded.schemas).toBe(1);
    expect(findInstaller).not.toHaveBeenCalled();
    await dispatch('findInstaller', { dir: '/srv' });
    expect(findInstaller).toHaveBeenCalledWith({ dir: '/srv' });
  });

  it('refuses methods it does not know or has no handler for, and turns a thrown error into a Result', async () => {
    const dispatch = createDispatcher(
      { detect: () => Promise.reject(new UserError('job.cancelled', 'It failed.', 'Do this.')) },
      logger,
    );
    expect(await dispatch('getSession', {})).toMatchObject({ ok: false, error: { code: 'api.unknownMethod' } });
    expect(await dispatch('constructor', {})).toMatchObject({ ok: false, error: { code: 'api.unknownMethod' } });
    expect(await dispatch('detect', undefined)).toMatchObject({
      ok: false,
      error: { code: 'job.cancelled', message: 'It failed.', hint: 'Do this.' },
    });
  });
});
