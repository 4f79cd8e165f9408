// `sheaf serve`: the browser mode, for headless machines and the end-to-end tests.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { startBackgroundServices } from '../../api/background';
import { CliError, EXIT, openHost, type GlobalOptions } from '../runtime';

/** out/renderer of the checkout this code is in: run from src/ (tsx) or from out/main (the bundle). */
function defaultRendererDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return path.join(dir, 'out/renderer');
}

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('serve Sheaf to a browser on this machine (127.0.0.1 only, with a per-run token)')
    .option('--port <n>', 'port (default: a free one)', '0')
    .option('--renderer <dir>', 'the built renderer (default: out/renderer of this checkout)')
    .action(async (options: { port: string; renderer?: string }, command: Command) => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new CliError('--port takes 0-65535.', EXIT.usage);
      // The library first: a library that will not open is the news that matters.
      const host = openHost(command.optsWithGlobals<GlobalOptions>(), { longLived: true });
      const rendererDir = options.renderer ?? defaultRendererDir();
      if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
        host.close();
        throw new CliError(
          `No built renderer in ${rendererDir}: run \`npm run build\` first (\`npm run serve\` does).`,
        );
      }
      const stopBackground = startBackgroundServices(host, (message) => process.stderr.write(`${message}\n`));
      // Loaded here: the server (and the dispatcher with it) is no part of other commands' start.
      const { startServer } = await import('../../server/server');
      const server = await startServer({ host, rendererDir, port });
      process.stdout.write(`Sheaf is serving ${host.library.info().path}\nOpen ${server.url}\n`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      stopBackground();
      await server.close();
      host.close();
    });
}
