/**
 * Reads a file named on the command line that holds a secret (--passphrase-file, --config-file). Its content
 * goes to the configuration server, so whoever can point the name elsewhere chooses what is sent: a link to
 * /etc/shadow would send its first line. The file is opened without following a link (O_NOFOLLOW), without
 * blocking on a FIFO (O_NONBLOCK), and must be a regular file that no other user can change.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import os from 'node:os';
import { UsageError } from './usage-error';

const flag = (name: 'O_NOFOLLOW' | 'O_NONBLOCK') => (constants as Partial<Record<string, number>>)[name] ?? 0;
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const quote = (text: string) => `'${text.replaceAll("'", "'\\''")}'`;

function openNoFollow(file: string, what: string): number {
  try {
    return openSync(file, constants.O_RDONLY | flag('O_NOFOLLOW') | flag('O_NONBLOCK'));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // ELOOP: the last part of the name is a symbolic link (Linux; some BSDs say EMLINK).
    if (code === 'ELOOP' || code === 'EMLINK') {
      throw new UsageError(
        `${capital(what)} ${file} is a symbolic link; give the file itself. Links are not followed, so that nobody can make Mobility Setup send another file's content.`,
      );
    }
    throw new UsageError(`Cannot read ${what} ${file} (${code ?? 'error'}).`);
  }
}

/** The file's text, after the checks above; UsageError (exit 2) says what is wrong and what to do. */
export function readSecretInputFile(
  file: string,
  maxBytes: number,
  what: string,
  uid: number | undefined = process.getuid?.(),
): string {
  const fd = openNoFollow(file, what);
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw new UsageError(`${capital(what)} ${file} is not a regular file.`);
    if (uid !== undefined) {
      if (info.uid !== 0 && info.uid !== uid) {
        const me = uid === 0 ? 'root' : `root or ${os.userInfo().username}`;
        throw new UsageError(
          `${capital(what)} ${file} belongs to another user (uid ${info.uid}), not to ${me}: that user chooses what it says. Copy it to a file of your own (readable only by you), or: chown root ${quote(file)}.`,
        );
      }
      if ((info.mode & 0o022) !== 0) {
        throw new UsageError(
          `${capital(what)} ${file} can be changed by other users (mode ${(info.mode & 0o7777).toString(8).padStart(4, '0')}). Make it private: chmod 600 ${quote(file)}.`,
        );
      }
    }
    if (info.size > maxBytes)
      throw new UsageError(
        `${capital(what)} ${file} is larger than ${maxBytes} bytes; check that the right file was given.`,
      );
    const buffer = Buffer.alloc(info.size);
    let read = 0;
    while (read < info.size) {
      const n = readSync(fd, buffer, read, info.size - read, read);
      if (n === 0) break;
      read += n;
    }
    // The content is never quoted in a message: it is a secret.
    return buffer.subarray(0, read).toString('utf8');
  } finally {
    closeSync(fd);
  }
}
