/**
 * The native save dialog for the diagnostics bundle. The main process opens it and uses the path the person picked
 * there: the page never sends a path for this, so a compromised page cannot direct the archive anywhere.
 */
import path from 'node:path';
import { app, dialog } from 'electron';
import type { BrowserWindow, SaveDialogOptions } from 'electron';

/** Asks where to save (in the documents folder, under the suggested name); null when the person cancelled. */
export async function chooseBundleFile(parent: BrowserWindow | null, defaultName: string): Promise<string | null> {
  const options: SaveDialogOptions = {
    title: 'Save the diagnostics bundle',
    defaultPath: path.join(app.getPath('documents'), defaultName),
    buttonLabel: 'Save bundle',
    // One dotted extension: GTK and Windows match it as the pattern *.tar.gz.
    filters: [{ name: 'Diagnostics bundle (tar.gz)', extensions: ['tar.gz'] }],
    properties: ['createDirectory'],
  };
  // Modal to the wizard's window while it is open.
  const choice =
    parent !== null && !parent.isDestroyed()
      ? await dialog.showSaveDialog(parent, options)
      : await dialog.showSaveDialog(options);
  if (choice.canceled || choice.filePath === undefined || choice.filePath === '') return null;
  return choice.filePath;
}
