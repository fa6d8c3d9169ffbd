import { randomBytes } from 'node:crypto';
import { readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { performance } from 'node:perf_hooks';

// PGlite is PostgreSQL compiled to run inside one process: a second process opening the same folder
// runs a second, unaware PostgreSQL on the same files, and what one of them writes the other overwrites.
// Every opener therefore holds a lock file beside the folder. The file is created atomically ('wx'); a
// lock left by a process that no longer exists (killed, power cut) is taken over under a guard file, so
// two processes that both find it stale cannot both take it.

/** What the lock file records: enough to tell whether its process still runs, and to say who it is. */
export interface LockHolder {
  pid: number;
  /** ISO-8601, for people */
  startedAt: string;
  /** Linux: the process's start in clock ticks since boot (/proc/<pid>/stat), which tells a reused pid apart */
  procStart: string | null;
  /** Linux: this boot's id; a lock from an earlier boot is stale whatever its pid */
  bootId: string | null;
  host: string;
  command: string;
  /** this acquisition, so a release removes only its own file */
  token: string;
}

/** The folder is held by another process (or this one already): the message says what to do. */
export class DataDirectoryInUse extends Error {
  constructor(
    readonly dir: string,
    readonly holder: LockHolder | null,
  ) {
    const who = holder ? `process ${holder.pid} (${holder.command}, since ${holder.startedAt}${holder.host !== hostname() ? ` on ${holder.host}` : ''})` : 'another process that is opening it now';
    super(
      `The embedded database in ${dir} is in use by ${who}. PGlite can be opened by one process at a time: a second one ` +
        `would lose its writes. Stop the server first (Ctrl-C, or SIGTERM to it; it releases the folder when it stops) and run ` +
        `this again, or do the work through the running server — tenants with its operator API (GET/POST /api/v1/operator/tenants ` +
        `with "Authorization: Bearer <OPERATOR_TOKEN>"), imports with POST /api/v1/imports. To share one database between ` +
        `processes, use PostgreSQL (DATABASE_URL). Lock file: ${dir}.lock`,
    );
  }
}

export interface DataDirLock {
  readonly path: string;
  release(): void;
}

/** A lock being written is younger than this; an unreadable one older is left over from a crash. */
const UNREADABLE_GRACE_MS = 10_000;
/** A takeover lasts milliseconds; a guard this old was left by a process that died taking over. */
const GUARD_STALE_MS = 30_000;
const ATTEMPTS = 5;

/** Locks the embedded database folder `dir` for this process (the file `<dir>.lock`), or throws DataDirectoryInUse. */
export async function lockDataDirectory(dir: string): Promise<DataDirLock> {
  const path = `${dir}.lock`;
  const me: LockHolder = {
    pid: process.pid,
    startedAt: new Date(performance.timeOrigin).toISOString(),
    procStart: procStartOf(process.pid),
    bootId: currentBootId(),
    host: hostname(),
    command: process.argv.slice(1).join(' ').slice(0, 200),
    token: randomBytes(8).toString('hex'),
  };
  const content = `${JSON.stringify(me)}\n`;
  let holder: LockHolder | null = null;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    try {
      writeFileSync(path, content, { flag: 'wx', mode: 0o644 });
      return held(path, me.token);
    } catch (err) {
      if (errno(err) !== 'EEXIST') throw err;
    }
    const found = readLock(path);
    if (found === 'gone') continue;
    holder = found.holder;
    if (found.holder ? holderRuns(found.holder) : Date.now() - found.mtimeMs < UNREADABLE_GRACE_MS)
      throw new DataDirectoryInUse(dir, found.holder);
    takeOver(path, found.raw);
    await new Promise((r) => setTimeout(r, 10 * (attempt + 1)));
  }
  throw new DataDirectoryInUse(dir, holder);
}

function held(path: string, token: string): DataDirLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    const found = readLock(path);
    if (found !== 'gone' && found.holder?.token === token) unlinkQuietly(path);
  };
  // a process that exits without closing the database (process.exit, a forced stop) still frees the folder
  process.on('exit', release);
  return { path, release };
}

/** Removes the stale lock whose content was `staleRaw`, unless someone replaced it meanwhile; one process at a time. */
function takeOver(path: string, staleRaw: string): void {
  const guard = `${path}.takeover`;
  try {
    writeFileSync(guard, `${process.pid}\n`, { flag: 'wx' });
  } catch (err) {
    if (errno(err) !== 'EEXIST') throw err;
    try {
      if (Date.now() - statSync(guard).mtimeMs > GUARD_STALE_MS) unlinkQuietly(guard);
    } catch {
      // the guard went away meanwhile: the next attempt sees the result of that takeover
    }
    return;
  }
  try {
    const now = readLock(path);
    if (now !== 'gone' && now.raw === staleRaw) unlinkQuietly(path);
  } finally {
    unlinkQuietly(guard);
  }
}

function readLock(path: string): 'gone' | { raw: string; holder: LockHolder | null; mtimeMs: number } {
  try {
    const raw = readFileSync(path, 'utf8');
    const mtimeMs = statSync(path).mtimeMs;
    return { raw, holder: parseHolder(raw), mtimeMs };
  } catch (err) {
    if (errno(err) === 'ENOENT') return 'gone';
    throw err;
  }
}

function parseHolder(raw: string): LockHolder | null {
  try {
    const h = JSON.parse(raw) as Partial<LockHolder>;
    return Number.isInteger(h.pid) && (h.pid as number) > 0 && typeof h.token === 'string'
      ? { pid: h.pid!, startedAt: String(h.startedAt ?? '?'), procStart: h.procStart ?? null, bootId: h.bootId ?? null, host: String(h.host ?? '?'), command: String(h.command ?? '?'), token: h.token }
      : null;
  } catch {
    return null;
  }
}

/** Whether the process that wrote the lock still runs (on this machine: the lock does not span hosts). */
export function holderRuns(h: LockHolder): boolean {
  const boot = currentBootId();
  if (h.bootId && boot && h.bootId !== boot) return false;
  try {
    process.kill(h.pid, 0);
  } catch (err) {
    if (errno(err) === 'ESRCH') return false;
    // EPERM: it exists under another user
  }
  // the pid runs, but it may be a later process given the same number
  const start = procStartOf(h.pid);
  return !(h.procStart && start && start !== h.procStart);
}

function procStartOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the fields after "(comm)", which may itself hold spaces: state is field 3, starttime field 22
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

let bootId: string | null | undefined;
function currentBootId(): string | null {
  if (bootId === undefined) {
    try {
      bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    } catch {
      bootId = null;
    }
  }
  return bootId;
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch (err) {
    if (errno(err) !== 'ENOENT') throw err;
  }
}

const errno = (err: unknown) => (err as NodeJS.ErrnoException)?.code;
