import { execFile } from 'node:child_process';

export interface PubResult {
  code: number;
  output: string;
}

/** Publishes one message with Debian's mosquitto_pub (QoS 1 unless told): exit code 0 only after the PUBACK. */
export function mosquittoPub(o: { port: number; username: string; password: string; topic: string; message?: string; file?: string; qos?: 0 | 1 | 2; id?: string }): Promise<PubResult> {
  const args = ['-h', '127.0.0.1', '-p', String(o.port), '-u', o.username, '-P', o.password, '-t', o.topic, '-q', String(o.qos ?? 1), '-i', o.id ?? `t-${process.pid}-${Math.random().toString(36).slice(2, 10)}`];
  if (o.file) args.push('-f', o.file);
  else args.push('-m', o.message ?? '');
  return new Promise((resolve) => {
    execFile('mosquitto_pub', args, { timeout: 15_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : 1) : 0;
      resolve({ code, output: `${stdout}${stderr}` });
    });
  });
}
