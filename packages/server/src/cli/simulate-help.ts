// Help of `gongdan simulate`, apart from help.ts so the simulator's pages stay together.

export const SIMULATE_HELP = `Usage: gongdan simulate <command> [options]

Offline dispatch simulation through the same engine the server decides with; no database is opened.

Commands:
  dispatch          Replay a day of field tickets against each dispatch strategy and print the figures
  convert-solomon   Turn a Solomon VRPTW instance into a simulator scenario

Run "gongdan simulate <command> --help" for the options of a command. The scenario format and how to
read the figures: docs/DISPATCH-SIMULATOR.md.`;

export const SIMULATE_DISPATCH_HELP = `Usage: gongdan simulate dispatch [--scenario FILE | --seed N --engineers E --tickets T] [options]

Replays a day of field tickets in simulated time against each strategy: engineers travel in a
straight line at the scenario's speed from where they are, serve their jobs in order, take at
most their capacity; a ticket nobody eligible can take waits in the queue (most urgent, then
oldest first); a visit that does not fix the problem is dispatched again to someone else. Every
decision is made by the dispatch engine (the server's). Prints one JSON line per strategy:
{"strategy","scenario","engineers","tickets","slaAttainment","travelKmTotal","travelKmMean",
"waitMeanMin","waitP95Min","loadSpreadCv","loadSpreadSdMin","violations","reassignments",
"firstPersonFixShare","decisionLatencyP50Ms","decisionLatencyP99Ms","unassigned"}.

Options:
  --scenario FILE        A scenario JSON file (format: docs/DISPATCH-SIMULATOR.md)
  --seed N               Generate a scenario with this seed instead (default: 1)
  --engineers E          Engineers of the generated scenario, 1–5000 (default: 100)
  --tickets T            Tickets of the generated scenario, 0–50000 (default: 1000)
  --strategies LIST      Comma-separated, from round_robin, nearest, least_loaded, skills, scored,
                         batch, outlet (the scenario's outlets needed)
                         (default: round_robin,nearest,least_loaded,scored,batch)
  --weights JSON         Score weights over the engine's defaults, e.g. '{"travel":4,"fairness":2}'
                         (travel, load, speed, firstFix, skillFit, tier, preferred, fairness; ≥ 0)
  --batch-window-s S     batch: seconds arrivals are collected before matching, 1–3600 (default: 30)
  --improve-every MIN    scored and batch: 日内优化 — every MIN minutes at most (0: after every
                         instant), jobs not started move between engineers when that saves travel
                         (as a tenant's automatic 日内优化); default: off
  --write-scenario FILE  Also write the scenario (generated or read) to FILE
  -h, --help             Show this help

Examples:
  gongdan simulate dispatch --seed 7 --engineers 150 --tickets 1500
  gongdan simulate dispatch --scenario 华东一日.json --strategies round_robin,scored`;

export const SIMULATE_CONVERT_SOLOMON_HELP = `Usage: gongdan simulate convert-solomon FILE [--out FILE] [options]

Converts a Solomon (or Gehring–Homberger) VRPTW instance into a scenario: the horizon becomes a
working day from 08:00 (Asia/Shanghai), coordinates a city around Shanghai scaled so travel keeps
the instance's proportion to time windows (30 km/h), customers tickets (ready time → arrival,
due − ready → slaMinutes, service time → durationMinutes), vehicles engineers living around the
depot; skills, levels and priorities are assigned deterministically (docs/DISPATCH-SIMULATOR.md).
Prints the scenario JSON, or with --out writes it and prints {"file","out","engineers","tickets"}.

Options:
  --out FILE         Write the scenario to FILE
  --engineers N      Engineers, 1–5000 (default: the instance's vehicle number)
  --capacity N       Jobs in hand per engineer, 1–100 (default: 3)
  -h, --help         Show this help

Example:
  gongdan simulate convert-solomon C101.txt --out c101.json && gongdan simulate dispatch --scenario c101.json`;
