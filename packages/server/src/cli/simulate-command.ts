import { readFileSync, writeFileSync } from 'node:fs';
import { parseCommand, integer } from './args';
import { UsageError } from './errors';
import type { CliIo } from './io';
import { SIMULATE_CONVERT_SOLOMON_HELP, SIMULATE_DISPATCH_HELP, SIMULATE_HELP } from './simulate-help';

// `gongdan simulate …`: the dispatch simulator on files; no database is opened.
export async function simulateCommand(argv: string[], io: CliIo): Promise<void> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
    if (sub === undefined) throw new UsageError('Missing the simulate command (dispatch, convert-solomon)', SIMULATE_HELP);
    return io.out(SIMULATE_HELP);
  }
  if (sub === 'dispatch') return simulateDispatchCommand(rest, io);
  if (sub === 'convert-solomon') return convertSolomonCommand(rest, io);
  throw new UsageError(`Unknown simulate command "${sub}"`, SIMULATE_HELP);
}

const WEIGHT_KEYS = ['travel', 'load', 'speed', 'firstFix', 'skillFit', 'tier', 'preferred', 'fairness', 'deadline'];

async function simulateDispatchCommand(argv: string[], io: CliIo): Promise<void> {
  const help = SIMULATE_DISPATCH_HELP;
  const { values } = parseCommand(
    argv,
    {
      scenario: { type: 'string' },
      seed: { type: 'string' },
      engineers: { type: 'string' },
      tickets: { type: 'string' },
      strategies: { type: 'string' },
      weights: { type: 'string' },
      'batch-window-s': { type: 'string' },
      'improve-every': { type: 'string' },
      'write-scenario': { type: 'string' },
    },
    help,
  );
  if (values.help) return io.out(help);
  const m = await import('../modules/dispatch');
  if (values.scenario !== undefined) {
    const given = (['seed', 'engineers', 'tickets'] as const).filter((k) => values[k] !== undefined);
    if (given.length) throw new UsageError(`--scenario reads the day from the file; leave out --${given.join(', --')}`, help);
  }
  const list = (values.strategies ?? 'round_robin,nearest,least_loaded,scored,batch').split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = list.filter((s) => !(m.SIM_STRATEGIES as readonly string[]).includes(s));
  if (unknown.length || list.length === 0) throw new UsageError(`--strategies: unknown strategy "${unknown[0] ?? ''}"; choose from ${m.SIM_STRATEGIES.join(', ')}`, help);
  const weights = { ...m.DEFAULT_WEIGHTS, ...parseWeights(values.weights, help) };
  const batchWindowS = integer(values['batch-window-s'], '--batch-window-s', 30, 1, 3600, help);
  const improveEveryMin = values['improve-every'] === undefined ? undefined : integer(values['improve-every'], '--improve-every', 5, 0, 1440, help);
  let scenario;
  let label: string;
  if (values.scenario !== undefined) {
    scenario = readScenario(values.scenario, help, m);
    label = scenario.name ?? values.scenario;
    for (const w of m.scenarioWarnings(scenario)) io.err(`gongdan: warning: ${values.scenario}: ${w}`);
  } else {
    const d = m.GENERATE_DEFAULTS;
    const opts = {
      seed: integer(values.seed, '--seed', d.seed, 0, 2 ** 32 - 1, help),
      engineers: integer(values.engineers, '--engineers', d.engineers, 1, 5000, help),
      tickets: integer(values.tickets, '--tickets', d.tickets, 0, 50_000, help),
    };
    scenario = m.generateScenario(opts);
    label = scenario.name!;
  }
  if (values['write-scenario'] !== undefined) writeFile(values['write-scenario'], `${JSON.stringify(scenario, null, 1)}\n`, '--write-scenario', help);
  let lines;
  try {
    lines = m.simulateDispatch(scenario, { strategies: list as never, weights, batchWindowS, improveEveryMin, label });
  } catch (err) {
    if (err instanceof m.ScenarioError) throw new UsageError(`${label}: ${err.message}`, help);
    throw err;
  }
  for (const line of lines) io.out(JSON.stringify(line));
}

async function convertSolomonCommand(argv: string[], io: CliIo): Promise<void> {
  const help = SIMULATE_CONVERT_SOLOMON_HELP;
  const { values, positionals } = parseCommand(argv, { out: { type: 'string' }, engineers: { type: 'string' }, capacity: { type: 'string' } }, help, { positionals: 1 });
  if (values.help) return io.out(help);
  const file = positionals[0];
  if (!file) throw new UsageError('Missing the instance FILE', help);
  const engineers = values.engineers === undefined ? undefined : integer(values.engineers, '--engineers', 0, 1, 5000, help);
  const capacity = values.capacity === undefined ? undefined : integer(values.capacity, '--capacity', 0, 1, 100, help);
  const m = await import('../modules/dispatch');
  let scenario;
  try {
    scenario = m.solomonToScenario(m.parseSolomon(readText(file, 'FILE', help)), { engineers, capacity });
  } catch (err) {
    if (err instanceof m.SolomonFormatError || err instanceof m.ScenarioError) throw new UsageError(`${file}: ${err.message}`, help);
    throw err;
  }
  const json = JSON.stringify(scenario, null, 1);
  if (values.out === undefined) return io.out(json);
  writeFile(values.out, `${json}\n`, '--out', help);
  io.out(JSON.stringify({ file, out: values.out, engineers: scenario.engineers.length, tickets: scenario.tickets.length }));
}

type DispatchModule = typeof import('../modules/dispatch');

function readScenario(file: string, help: string, m: DispatchModule) {
  try {
    return m.parseScenarioText(readText(file, '--scenario', help));
  } catch (err) {
    if (err instanceof m.ScenarioError) throw new UsageError(`${file}: ${err.message}`, help);
    throw err;
  }
}

function readText(file: string, flag: string, help: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`${flag}: cannot read "${file}" (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, help);
  }
}

function writeFile(file: string, text: string, flag: string, help: string): void {
  try {
    writeFileSync(file, text);
  } catch (err) {
    throw new UsageError(`${flag}: cannot write "${file}" (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, help);
  }
}

function parseWeights(text: string | undefined, help: string): Record<string, number> {
  if (text === undefined) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UsageError(`--weights must be a JSON object, e.g. '{"travel":4}', got ${text}`, help);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UsageError(`--weights must be a JSON object, e.g. '{"travel":4}'`, help);
  for (const [k, v] of Object.entries(value)) {
    if (!WEIGHT_KEYS.includes(k)) throw new UsageError(`--weights: unknown weight "${k}"; the weights are ${WEIGHT_KEYS.join(', ')}`, help);
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new UsageError(`--weights: ${k} must be a number ≥ 0, got ${JSON.stringify(v)}`, help);
  }
  return value as Record<string, number>;
}
