/**
 * The native save dialog for the diagnostics bundle. The main process opens it and uses the path the person picked
 * there: the page never sends a path for this, so a compromised page cannot direct the archive anywhere.
 */
import path from 'node:path';
import { app, dialog } from 'electron';
import type { BrowserWindow, SaveDialogOptions } from 'electron';
import type { UiLanguage } from '../../common/ui-language';
import { textIn } from '../cli/i18n/cli-text';

/** Asks where to save (in the documents folder, under the suggested name); null when the person cancelled. */
export async function chooseBundleFile(
  parent: BrowserWindow | null,
  defaultName: string,
  language: UiLanguage = 'en',
): Promise<string | null> {
  const options: SaveDialogOptions = {
    title: textIn(language, 'dialog.bundleTitle'),
    defaultPath: path.join(app.getPath('documents'), defaultName),
    buttonLabel: textIn(language, 'dialog.bundleButton'),
    // One dotted extension: GTK and Windows match it as the pattern *.tar.gz.
    filters: [{ name: textIn(language, 'dialog.bundleFilter'), extensions: ['tar.gz'] }],
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
