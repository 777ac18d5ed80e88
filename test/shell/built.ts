import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The build output the shell tests load (they run after `npm run build`). */
export const projectDir = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
export const builtMain = path.join(projectDir, 'dist', 'main', 'index.js');
export const builtPreload = path.join(projectDir, 'dist', 'main', 'preload.js');
export const builtPage = path.join(projectDir, 'dist', 'renderer', 'index.html');
export const isBuilt = existsSync(builtMain) && existsSync(builtPreload) && existsSync(builtPage);
export const notBuiltMessage =
  'dist/main/index.js is missing: run "npm run build" first (the shell tests load the build output)';
