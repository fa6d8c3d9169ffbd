/** The command line was used wrongly (unknown command or option, missing value): exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The help of the command concerned, printed after the message. */
    readonly help?: string,
  ) {
    super(message);
  }
}

/** The command ran but could not do its work (weak password, taken slug…): exit code 1. */
export class CommandFailed extends Error {}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
