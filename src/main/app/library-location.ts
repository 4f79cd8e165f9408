// The desktop app's library: --library PATH, else SHEAF_LIBRARY, else userData.
import path from 'node:path';
import { LIBRARY_FILE } from '../core/paths';

export function libraryFromArgs(argv: readonly string[], env: NodeJS.ProcessEnv, userData: string): string {
  const index = argv.findIndex((arg) => arg === '--library' || arg.startsWith('--library='));
  if (index >= 0) {
    const arg = argv[index]!;
    const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[index + 1];
    if (value) return path.resolve(value);
  }
  if (env.SHEAF_LIBRARY) return path.resolve(env.SHEAF_LIBRARY);
  return path.join(userData, LIBRARY_FILE);
}
