import { settingsTable } from '../../platform/config';
import { parseCommand } from '../args';
import { CONFIG_HELP } from '../help';
import type { CliIo } from '../io';

export function configCommand(argv: string[], io: CliIo): void {
  const { values } = parseCommand(argv, {}, CONFIG_HELP);
  io.out(values.help ? CONFIG_HELP : settingsTable());
}
