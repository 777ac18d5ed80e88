/**
 * Bundles prepared for the Troubleshoot page: staged (redacted, listed) and kept under a random id until the
 * person saves or discards them. Saving takes an absolute path only (the core's working folder is no
 * place a person chose) and never writes over a file (bundle.ts).
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Pack } from 'tar';
import { UserError } from '../../../common/result';
import type { PreparedBundle } from '../../../common/troubleshoot';
import type { StagedBundle } from './bundle';
import { archiveStream, discardBundle, saveBundle } from './bundle';

export interface BundleArchive {
  stream: Pack;
  sent(): Promise<void>;
}

/** What a front door that sends the bundle itself (the browser host's download) may do with a prepared one. */
export interface BundleArchives {
  archive(bundleId: string): Promise<BundleArchive>;
}

/** The save dialog's suggested name: the date says which visit the bundle is from (UTC, as the logs). */
export const bundleFileName = (now: number): string =>
  `mobility-diagnostics-${new Date(now).toISOString().slice(0, 10)}.tar.gz`;

export function createBundleStore() {
  const staged = new Map<string, StagedBundle>();
  const take = (bundleId: string): StagedBundle => {
    const bundle = staged.get(bundleId);
    if (!bundle) {
      throw new UserError(
        'bundle.notFound',
        'That diagnostics bundle is no longer prepared.',
        'Prepare the bundle again on the Troubleshoot page.',
      );
    }
    return bundle;
  };
  return {
    /** Keeps a bundle the bundle job staged, under a fresh id, until it is saved or discarded. */
    keep(bundle: StagedBundle): PreparedBundle {
      const bundleId = randomUUID();
      staged.set(bundleId, bundle);
      return { bundleId, entries: bundle.entries };
    },
    async save(bundleId: string, file: string): Promise<{ file: string; sizeBytes: number }> {
      if (!path.isAbsolute(file)) {
        throw new UserError(
          'bundle.notAbsolute',
          'The bundle file must be given as a full path.',
          'Give the full path, e.g. /root/mobility-diagnostics.tar.gz.',
        );
      }
      const bundle = take(bundleId);
      // Taken out first, so a second save of the same id cannot race this one; put back when the file was refused
      // before anything was written (it exists, no permission): the person chooses another and loses nothing.
      staged.delete(bundleId);
      try {
        return await saveBundle(bundle, file, { keepWhenRefused: true });
      } catch (err) {
        if (err instanceof UserError && (err.code === 'bundle.exists' || err.code === 'bundle.cannotWrite')) {
          staged.set(bundleId, bundle);
        }
        throw err;
      }
    },
    /**
     * Saves where the person chose in the shell's own save dialog (Electron's): the page sends only the id, so no
     * path from the page is ever used. A cancelled dialog saves nothing and keeps the bundle prepared.
     */
    async saveWithDialog(
      bundleId: string,
      choose: ((defaultName: string) => Promise<string | null>) | null,
      defaultName: string,
    ): Promise<{ saved: true; file: string; sizeBytes: number } | { saved: false }> {
      if (choose === null) {
        throw new UserError(
          'bundle.dialogUnavailable',
          'A save dialog exists only in the desktop app.',
          'Download the bundle, or save it to a full path.',
        );
      }
      take(bundleId); // before the dialog: no one is asked where to save a bundle that is gone
      const file = await choose(defaultName);
      if (file === null) return { saved: false };
      return { saved: true, ...(await this.save(bundleId, file)) };
    },
    /**
     * The prepared bundle as one tar.gz stream, for a download: the archive is made as it is sent, so no file is
     * written on this machine. The bundle is spent only once the whole archive went out (`sent`); a download
     * that breaks off leaves it prepared, to try again.
     */
    async archive(bundleId: string): Promise<BundleArchive> {
      const bundle = take(bundleId);
      return {
        stream: await archiveStream(bundle),
        sent: async () => {
          if (staged.get(bundleId) !== bundle) return;
          staged.delete(bundleId);
          await discardBundle(bundle);
        },
      };
    },
    async discard(bundleId: string): Promise<{ discarded: boolean }> {
      const bundle = staged.get(bundleId);
      if (!bundle) return { discarded: false };
      staged.delete(bundleId);
      await discardBundle(bundle);
      return { discarded: true };
    },
    async dispose(): Promise<void> {
      const all = [...staged.values()];
      staged.clear();
      await Promise.all(all.map((b) => discardBundle(b)));
    },
  };
}
