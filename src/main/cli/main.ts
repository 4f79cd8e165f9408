// The `sheaf` command line. Every command goes through the API dispatcher the app
// uses, so scripts get exactly the app's behaviour and validation.
import { Command, CommanderError } from 'commander';
import { registerLibraryCommands } from './commands/library';
import { registerOrganiseCommands } from './commands/organise';
import { registerServeCommand } from './commands/serve';
import { registerTransferCommands } from './commands/transfer';
import { describeError, EXIT } from './runtime';

export function buildProgram(): Command {
  const program = new Command('sheaf')
    .description('Sheaf: paper digests, collections, notes and BibTeX from the command line.')
    .option('--library <path>', "library file (default: $SHEAF_LIBRARY, else the desktop app's library)")
    .option('--read-only', 'open the library without changing it (e.g. a damaged or write-protected one)')
    .showHelpAfterError()
    .exitOverride();
  registerLibraryCommands(program);
  registerTransferCommands(program);
  registerOrganiseCommands(program);
  registerServeCommand(program);
  return program;
}

let pipeWatched = false;

/** `sheaf export ... | head`: the reader has what it wanted; stop quietly, as Unix tools do. */
function stopQuietlyOnClosedPipe(): void {
  if (pipeWatched) return; // main() runs many times in one process in tests
  pipeWatched = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT.ok);
    throw error;
  });
}

export async function main(argv: string[]): Promise<number> {
  stopQuietlyOnClosedPipe();
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.exitCode === 0
      ) {
        return EXIT.ok;
      }
      return EXIT.usage;
    }
    const { message, exitCode } = describeError(error);
    process.stderr.write(`sheaf: ${message}\n`);
    return exitCode;
  }
}
