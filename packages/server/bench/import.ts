import { history, historyCsv } from '../test/support/import-history';
import { api, BENCH_ADMIN, emit, freshDatabase, log, postgresServerUrl, removeDir, round, startServer, tempDir } from './lib/server';

// An import job from upload to done, through the real HTTP stack: the server started the README's way
// (its background import worker included), a CSV of N generated Chinese tickets uploaded to
// POST /api/v1/imports, GET /api/v1/imports/{id} polled until the job is done; then the same file
// again (every row answers exists).

export interface ImportBenchOptions {
  db: 'pglite' | 'postgres';
  tickets: number;
  databaseUrl?: string;
}

export async function benchImport(o: ImportBenchOptions): Promise<void> {
  const dataDir = tempDir('gongdan-bench-import-');
  const databaseUrl = o.db === 'postgres' ? await freshDatabase(await postgresServerUrl(o.databaseUrl), 'gongdan_bench_import') : undefined;
  const server = await startServer({ dataDir, databaseUrl, env: { INTELLIGENCE_RETRAIN_MINUTES: '0' } });
  try {
    const login = await api(server.url, null, 'POST', '/api/v1/auth/login', BENCH_ADMIN);
    const token = login.body.token as string;
    const hardware = (await api(server.url, token, 'POST', '/api/v1/categories', { nameZh: '硬件' })).body.id;
    await api(server.url, token, 'POST', '/api/v1/categories', { nameZh: '打印机', parentId: hardware });
    for (const nameZh of ['网络', '账号密码', '邮件']) await api(server.url, token, 'POST', '/api/v1/categories', { nameZh });
    for (const name of ['桌面支持组', '网络运维组']) await api(server.url, token, 'POST', '/api/v1/teams', { name });
    const csv = Buffer.from('\uFEFF' + historyCsv(history(o.tickets, 20260302, 'BENCH')), 'utf8');
    log(`import: ${o.tickets} tickets, ${round(csv.length / 1048576, 1)} MB CSV, ${o.db}`);

    for (const run of ['first', 'again'] as const) {
      const started = Date.now();
      const form = new FormData();
      form.append('file', new Blob([csv], { type: 'text/csv' }), '旧系统工单.csv');
      const res = await fetch(`${server.url}/api/v1/imports`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
      const queued = (await res.json()) as { id: string };
      if (res.status !== 202) throw new Error(`upload refused: ${res.status} ${JSON.stringify(queued)}`);
      const accepted = Date.now() - started;
      let job: { state: string; processedRows: number; created: number; exists: number; failed: number };
      for (;;) {
        job = (await api(server.url, token, 'GET', `/api/v1/imports/${queued.id}`)).body;
        if (job.state === 'done' || job.state === 'failed') break;
        await new Promise((r) => setTimeout(r, 250));
      }
      const seconds = (Date.now() - started) / 1000;
      emit({ bench: 'import', db: o.db, run, tickets: o.tickets, state: job.state, created: job.created, exists: job.exists, failed: job.failed, upload_ms: accepted, seconds: round(seconds, 1), tickets_per_s: Math.round(o.tickets / seconds) });
    }
  } finally {
    await server.stop();
    removeDir(dataDir);
  }
}
