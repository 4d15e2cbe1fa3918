import { Command, CommanderError } from 'commander';
import { describeError } from '../../domain/errors';
import { registerApproveCommand } from './commands/approveCommand';
import { registerCheckCommand } from './commands/checkCommand';
import { registerJobsCommand } from './commands/jobsCommand';
import { registerProfilesCommand } from './commands/profilesCommand';
import { registerResizeCommand } from './commands/resizeCommand';
import { registerRerunCommand } from './commands/rerunCommand';
import { registerRetryCommand } from './commands/retryCommand';
import { registerServeCommand } from './commands/serveCommand';
import { registerSpecsCommand } from './commands/specsCommand';
import { registerSpendCommand } from './commands/spendCommand';
import { registerWatchCommand } from './commands/watchCommand';

/**
 * Entry point of `smart-resize`. Returns the process exit code instead of exiting, so commands can finish
 * writing their output and tests can call it in-process.
 */
export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command('smart-resize')
    .description('Resize images into exact ad sizes: free local engine, or fal.ai smart-resize.')
    .showHelpAfterError()
    .exitOverride();
  let exitCode = 0;
  const setExitCode = (code: number) => {
    exitCode = Math.max(exitCode, code);
  };
  registerResizeCommand(program, setExitCode);
  registerProfilesCommand(program, setExitCode);
  registerWatchCommand(program, setExitCode);
  registerServeCommand(program, setExitCode);
  registerSpendCommand(program, setExitCode);
  registerJobsCommand(program, setExitCode);
  registerRetryCommand(program, setExitCode);
  registerRerunCommand(program, setExitCode);
  registerApproveCommand(program, setExitCode);
  registerCheckCommand(program, setExitCode);
  registerSpecsCommand(program, setExitCode);
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    process.stderr.write(`smart-resize: ${describeError(error)}\n`);
    return 1;
  }
  return exitCode;
}
