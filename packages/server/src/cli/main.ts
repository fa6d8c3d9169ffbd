import { processIo } from './io';
import { runCli } from './run';

// `npx gongdan …` (bin/gongdan.js) and `node --import tsx src/cli/main.ts …`.
process.exitCode = await runCli(process.argv.slice(2), processIo);
