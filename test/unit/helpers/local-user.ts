/**
 * Real other local users for attack tests (the tests run as root): created with useradd, removed with
 * userdel after. Names are random so parallel runs and other engineers' users never collide.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface LocalUser {
  name: string;
  uid: number;
  gid: number;
  remove(): Promise<void>;
}

export const CAN_CREATE_USERS = process.getuid?.() === 0 && process.platform === 'linux';

export async function createLocalUser(prefix = 'mst'): Promise<LocalUser> {
  const name = `${prefix}${randomBytes(4).toString('hex')}`;
  await run('useradd', ['--no-create-home', '--shell', '/usr/sbin/nologin', '--user-group', name]);
  const uid = Number((await run('id', ['-u', name])).stdout.trim());
  const gid = Number((await run('id', ['-g', name])).stdout.trim());
  return { name, uid, gid, remove: async () => void (await run('userdel', [name]).catch(() => undefined)) };
}

/** Creates users for a test file and removes them after it (register in beforeAll/afterAll). */
export function localUsers(): { create(prefix?: string): Promise<LocalUser>; removeAll(): Promise<void> } {
  const made: LocalUser[] = [];
  return {
    async create(prefix) {
      const user = await createLocalUser(prefix);
      made.push(user);
      return user;
    },
    removeAll: () => Promise.all(made.splice(0).map((u) => u.remove())).then(() => undefined),
  };
}
