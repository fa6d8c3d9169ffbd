import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../support/intake-app';

// A real Dovecot IMAP server (Debian's dovecot-imapd) for the IMAP polling tests: started by the test
// on a free port of 127.0.0.1 with its configuration, users and maildirs in a temporary directory,
// plain-text login without TLS, stopped afterwards.

export interface Dovecot {
  port: number;
  users: Record<string, string>;
  stop(): Promise<void>;
}

/** uid/gid the mail is stored as: Dovecot refuses root, so as root the package's "dovecot" user. */
function mailOwner(): { uid: number; gid: number; internalUser: string; loginUser: string } {
  const me = userInfo();
  if (me.uid !== 0) return { uid: me.uid, gid: me.gid, internalUser: me.username, loginUser: me.username };
  const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('dovecot:'));
  if (!line) throw new Error('running as root needs the "dovecot" system user (apt-get install dovecot-imapd)');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid), internalUser: 'dovecot', loginUser: 'dovenull' };
}

function waitForPort(port: number, proc: ChildProcess, log: () => string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (proc.exitCode !== null) return reject(new Error(`dovecot exited (${proc.exitCode}):\n${log()}`));
      const s = connect(port, '127.0.0.1');
      s.once('data', () => {
        s.destroy();
        resolve();
      });
      s.once('error', () => {
        s.destroy();
        if (Date.now() > deadline) reject(new Error(`dovecot did not listen on ${port}:\n${log()}`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

export async function startDovecot(users: Record<string, string>): Promise<Dovecot> {
  const dir = mkdtempSync(join(tmpdir(), 'gongdan-dovecot-'));
  chmodSync(dir, 0o755);
  const owner = mailOwner();
  const mail = join(dir, 'mail');
  mkdirSync(mail);
  mkdirSync(join(dir, 'run'));
  chownSync(mail, owner.uid, owner.gid);
  const port = await freePort();
  writeFileSync(join(dir, 'users'), Object.entries(users).map(([u, p]) => `${u}:{PLAIN}${p}:${owner.uid}:${owner.gid}::${mail}/${u}\n`).join(''));
  const conf = `
protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/run
instance_name = gongdan-test-${port}
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = ${owner.internalUser}
default_internal_group = ${owner.internalUser}
default_login_user = ${owner.loginUser}
first_valid_uid = ${Math.min(owner.uid, 100)}
log_path = ${dir}/dovecot.log
mail_location = maildir:${mail}/%u
passdb {
  driver = passwd-file
  args = ${dir}/users
}
userdb {
  driver = passwd-file
  args = ${dir}/users
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
  chroot =
}
service anvil {
  chroot =
}
`;
  writeFileSync(join(dir, 'dovecot.conf'), conf);
  const proc = spawn('dovecot', ['-F', '-c', join(dir, 'dovecot.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout!.on('data', (b) => (out += b));
  proc.stderr!.on('data', (b) => (out += b));
  const log = () => {
    try {
      return out + readFileSync(join(dir, 'dovecot.log'), 'utf8');
    } catch {
      return out;
    }
  };
  await waitForPort(port, proc, log);
  return {
    port,
    users,
    async stop() {
      if (proc.exitCode === null) {
        const exited = new Promise((r) => proc.once('exit', r));
        proc.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
