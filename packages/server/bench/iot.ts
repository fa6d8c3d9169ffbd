import { randomBytes } from 'node:crypto';
import mqtt, { type MqttClient } from 'mqtt';
import { adminApiKey, api, emit, freePort, freshDatabase, log, postgresServerUrl, processCpuMs, removeDir, round, startServer, tempDir } from './lib/server';

// IoT alarms through the embedded MQTT broker: `clients` mqtt.js connections publish `alarms` alarms of
// `devices` devices at QoS 1 in bursts (each client owns a share of the devices and sends bursts of
// `burst` messages without waiting, then waits for their PUBACKs). Devices repeat codes (one, two or
// three codes each), some alarms are delivered twice (same id: duplicates), and a tenth of the devices
// send a recovery of their first code once all alarms are in. Measured: alarms PUBACKed per second
// (each one stored durably before its PUBACK), the time until the worker has processed them all; then
// every device's incidents are checked against what was sent (tickets, counts, recoveries).

export interface IotOptions {
  db: 'pglite' | 'postgres';
  alarms: number;
  devices: number;
  clients: number;
  burst: number;
  databaseUrl?: string;
}

interface Message {
  serial: string;
  kind: 'alarm' | 'recovery';
  payload: string;
}

const CODES = ['E21', 'E30', 'E45'];
const MESSAGES: Record<string, string> = { E21: '门锁故障', E30: '电池电量低', E45: '通信中断' };
const SEVERITY: Record<string, string> = { E21: 'critical', E30: 'minor', E45: 'major' };
const serialOf = (d: number) => `BENCH-${String(d).padStart(6, '0')}`;

/** The workload and what it must produce: per (serial, code) the number of distinct alarms, and the recovered pairs. */
function workload(o: IotOptions) {
  const perClient: Message[][] = Array.from({ length: o.clients }, () => []);
  const expected = new Map<string, number>();
  let duplicates = 0;
  for (let i = 0; i < o.alarms; i++) {
    // bursty devices: a fifth of the devices send half of the alarms
    const j = i >> 1;
    const d = i % 2 === 0 ? j % Math.max(1, Math.floor(o.devices / 5)) : j % o.devices;
    const serial = serialOf(d);
    const codes = d % 3 === 0 ? 3 : d % 3 === 1 ? 2 : 1;
    const code = CODES[Math.floor(i / o.devices) % codes];
    const payload = JSON.stringify({ id: `a-${i}`, code, message: MESSAGES[code], severity: SEVERITY[code] });
    const k = `${serial}|${code}`;
    expected.set(k, (expected.get(k) ?? 0) + 1);
    const list = perClient[d % o.clients];
    list.push({ serial, kind: 'alarm', payload });
    if (i % 50 === 7) {
      list.push({ serial, kind: 'alarm', payload }); // a second delivery of the same alarm
      duplicates++;
    }
  }
  const recoveries: Message[][] = Array.from({ length: o.clients }, () => []);
  const recovered = new Set<string>();
  for (let d = 0; d < o.devices; d += 10) {
    const k = `${serialOf(d)}|${CODES[0]}`;
    if (!expected.has(k)) continue;
    recovered.add(k);
    recoveries[d % o.clients].push({ serial: serialOf(d), kind: 'recovery', payload: JSON.stringify({ id: `r-${d}`, code: CODES[0] }) });
  }
  return { perClient, recoveries, expected, recovered, duplicates };
}

async function publishAll(clients: MqttClient[], slug: string, lists: Message[][], burst: number): Promise<number> {
  let acked = 0;
  await Promise.all(
    clients.map(async (c, i) => {
      const list = lists[i];
      for (let at = 0; at < list.length; at += burst) {
        await Promise.all(list.slice(at, at + burst).map((m) => c.publishAsync(`gongdan/${slug}/devices/${m.serial}/${m.kind}`, m.payload, { qos: 1 })));
        acked += Math.min(burst, list.length - at);
      }
    }),
  );
  return acked;
}

export async function benchIot(o: IotOptions): Promise<void> {
  let dataDir: string | undefined;
  let databaseUrl: string | undefined;
  if (o.db === 'postgres') databaseUrl = await freshDatabase(await postgresServerUrl(o.databaseUrl), `gongdan_bench_iot_${randomBytes(3).toString('hex')}`);
  else dataDir = tempDir('gongdan-bench-iot-');
  const mqttPort = await freePort();
  log(`iot: starting the server on ${o.db} (MQTT on ${mqttPort})`);
  const server = await startServer({ dataDir, databaseUrl, env: { MQTT_PORT: String(mqttPort), MQTT_HOST: '127.0.0.1', SMTP_PORT: '0', INTAKE_POLL_MS: '200' } });
  const clients: MqttClient[] = [];
  try {
    const adminKey = await adminApiKey(server.url);
    const slug = (await api(server.url, adminKey, 'GET', '/api/v1/tenant')).body.slug as string;
    const deviceKey = (await api(server.url, adminKey, 'POST', '/api/v1/iot/keys', { name: 'bench' })).body.key as string;
    const w = workload(o);
    for (let i = 0; i < o.clients; i++) clients.push(await mqtt.connectAsync(`mqtt://127.0.0.1:${mqttPort}`, { username: slug, password: deviceKey, clientId: `bench-${i}`, reconnectPeriod: 0 }));
    const cpu0 = processCpuMs(server.proc.pid!);
    log(`iot: publishing ${o.alarms} alarms (+${w.duplicates} duplicate deliveries) of ${o.devices} devices over ${o.clients} clients, bursts of ${o.burst}`);
    const t0 = performance.now();
    const acked = await publishAll(clients, slug, w.perClient, o.burst);
    const ingestS = (performance.now() - t0) / 1000;
    emit({ bench: 'iot', db: o.db, metric: 'ingest', alarms: o.alarms, duplicateDeliveries: w.duplicates, pubacked: acked, seconds: round(ingestS), alarmsPerSecond: round(acked / ingestS, 0), serverCpuS: round((processCpuMs(server.proc.pid!) - cpu0) / 1000) });

    // all processed before the recoveries, so each recovery finds its incident
    const counts = async () => (await api(server.url, adminKey, 'GET', '/api/v1/intake/messages?channel=iot&limit=1')).body.counts as Record<string, number>;
    const settle = async (stored: number) => {
      for (;;) {
        const c = await counts();
        if (!c.pending && (c.processed ?? 0) + (c.ignored ?? 0) + (c.quarantined ?? 0) >= stored) return c;
        await new Promise((r) => setTimeout(r, 250));
      }
    };
    let c = await settle(o.alarms);
    const processedS = (performance.now() - t0) / 1000;
    emit({ bench: 'iot', db: o.db, metric: 'processed', seconds: round(processedS), alarmsPerSecond: round(o.alarms / processedS, 0), counts: c });
    const rec = await publishAll(clients, slug, w.recoveries, o.burst);
    c = await settle(o.alarms + rec);

    // check every device's incidents against the workload
    const got = new Map<string, { count: number; state: string; status: string }[]>();
    let cursor: string | null = null;
    const ids: string[] = [];
    do {
      const page: any = (await api(server.url, adminKey, 'GET', `/api/v1/assets?limit=200${cursor ? `&cursor=${cursor}` : ''}`)).body;
      ids.push(...page.items.map((a: any) => a.id));
      cursor = page.nextCursor;
    } while (cursor);
    for (let i = 0; i < ids.length; i += 20)
      await Promise.all(
        ids.slice(i, i + 20).map(async (id) => {
          const a = (await api(server.url, adminKey, 'GET', `/api/v1/assets/${id}`)).body;
          for (const al of a.alarms) {
            const k = `${a.serial}|${al.code}`;
            got.set(k, [...(got.get(k) ?? []), { count: al.count, state: al.state, status: al.ticket.status }]);
          }
        }),
      );
    let wrongCounts = 0;
    let extraTickets = 0;
    let missing = 0;
    let wrongRecovery = 0;
    let counted = 0;
    for (const [k, n] of w.expected) {
      const incidents = got.get(k) ?? [];
      if (!incidents.length) missing++;
      extraTickets += Math.max(0, incidents.length - 1);
      const sum = incidents.reduce((s, x) => s + x.count, 0);
      counted += sum;
      if (sum !== n) wrongCounts++;
      const r = incidents[0]?.state === 'recovered' && incidents[0]?.status === 'resolved';
      if (r !== w.recovered.has(k)) wrongRecovery++;
    }
    const tickets = [...got.values()].reduce((s, x) => s + x.length, 0);
    const ok = !missing && !extraTickets && !wrongCounts && !wrongRecovery && counted === o.alarms && !c.quarantined;
    emit({ bench: 'iot', db: o.db, metric: 'check', devices: ids.length, expectedTickets: w.expected.size, tickets, alarmsCounted: counted, alarmsSent: o.alarms, missingIncidents: missing, extraTickets, wrongCounts, expectedRecovered: w.recovered.size, wrongRecovery, counts: c, ok });
    if (!ok) process.exitCode = 1;
  } finally {
    await Promise.all(clients.map((c) => c.endAsync().catch(() => undefined)));
    await server.stop();
    if (dataDir) removeDir(dataDir);
  }
}
