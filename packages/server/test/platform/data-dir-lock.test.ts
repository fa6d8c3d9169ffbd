import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataDirectoryInUse, lockDataDirectory } from '../../src/platform/db/data-dir-lock';
import { openPglite } from '../../src/platform/db/pglite-database';
import { SERVER_DIR } from '../support/run-cli';
import { APP_ROLE, testDbKind } from '../support/test-db';

// One process at a time on an embedded database folder: the lock file beside it, and what happens to a
// lock whose process is gone (the server killed, the machine restarted).
describe.skipIf(testDbKind() !== 'pglite')('the lock on an embedded database folder', () => {
  let root: string;
  let n = 0;
  const dir = () => join(root, `db${n++}`);
  const holder = (path: string) => JSON.parse(readFileSync(`${path}.lock`, 'utf8')) as { pid: number; token: string };
  const staleLock = (path: string, fields: object) =>
    writeFileSync(`${path}.lock`, JSON.stringify({ pid: deadPid(), startedAt: '2026-01-01T00:00:00.000Z', procStart: null, bootId: null, host: 'vm', command: 'src/main.ts', token: 'old', ...fields }));

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'gongdan-lock-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('refuses a second PGlite on the same folder until the first is closed', async () => {
    const path = dir();
    const db = await openPglite({ dataDir: path, appRole: APP_ROLE });
    try {
      await expect(openPglite({ dataDir: path, appRole: APP_ROLE })).rejects.toThrow(DataDirectoryInUse);
      await expect(openPglite({ dataDir: path, appRole: APP_ROLE })).rejects.toThrow(`${path} is in use by process ${process.pid}`);
      expect((await db.query<{ n: number }>('SELECT 1 AS n'))[0].n).toBe(1); // the holder is untouched
    } finally {
      await db.close();
    }
    expect(existsSync(`${path}.lock`)).toBe(false);
    const reopened = await openPglite({ dataDir: path, appRole: APP_ROLE });
    await reopened.close();
  });

  it('takes over a lock whose process is gone, or whose pid now belongs to another process', async () => {
    const gone = dir();
    staleLock(gone, {});
    const a = await lockDataDirectory(gone);
    expect(holder(gone).pid).toBe(process.pid);
    a.release();

    // the pid runs but started at another time: a later process given the same number (Linux)
    const reused = dir();
    const start = readFileSync('/proc/self/stat', 'utf8');
    staleLock(reused, { pid: process.pid, procStart: `${Number(start.slice(start.lastIndexOf(')') + 2).split(' ')[19]) + 1}` });
    const b = await lockDataDirectory(reused);
    expect(holder(reused).token).not.toBe('old');
    b.release();

    // an empty lock is one being written, unless it is old: then its writer died in between
    const empty = dir();
    writeFileSync(`${empty}.lock`, '');
    await expect(lockDataDirectory(empty)).rejects.toThrow('in use by another process that is opening it now');
    utimesSync(`${empty}.lock`, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    (await lockDataDirectory(empty)).release();
    expect(existsSync(`${empty}.lock`)).toBe(false);
  });

  it('gives a stale lock to exactly one of the processes that find it at the same moment', { timeout: 60_000 }, async () => {
    const path = dir();
    staleLock(path, {});
    const at = Date.now() + 4_000;
    // each waits for the same instant, tries, and if it got the lock holds it while the others try
    const script = `
      const { lockDataDirectory } = await import(${JSON.stringify(join(SERVER_DIR, 'src/platform/db/data-dir-lock.ts'))});
      await new Promise((r) => setTimeout(r, ${at} - 50 - Date.now()));
      while (Date.now() < ${at});
      try { const l = await lockDataDirectory(${JSON.stringify(path)}); console.log('held'); await new Promise((r) => setTimeout(r, 1500)); l.release(); }
      catch (e) { console.log(e.constructor.name); }`;
    const outs = await Promise.all(Array.from({ length: 4 }, () => run(['--import', 'tsx', '--input-type=module', '-e', script])));
    expect(outs.sort()).toEqual(['DataDirectoryInUse', 'DataDirectoryInUse', 'DataDirectoryInUse', 'held']);
    expect(existsSync(`${path}.lock`)).toBe(false);
    expect(existsSync(`${path}.lock.takeover`)).toBe(false);
  });
});

/** The pid of a process that has exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

function run(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, args, { cwd: SERVER_DIR, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.on('error', reject);
    p.on('close', () => resolve(out.trim()));
  });
}
