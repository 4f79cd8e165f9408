// Running the `sheaf` command line: in this process through its `main` (fast, for most
// tests), or as a real child process through bin/sheaf.js (for standard input, exit
// codes as the shell sees them, and another process writing the library).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';
import { main } from '../../src/main/cli/main';
import { sharedPath } from './shared-folder';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The 103-paper Hugging Face digest the issue names (shared by the project's sessions). */
export const HF_TRENDING_JUN17 = sharedPath('fixtures/digests/hf-trending-jun17.txt');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `sheaf --library FILE ...args` in this process. */
export async function sheaf(library: string, ...args: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  });
  try {
    const code = await main(['--library', library, ...args]);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/** `sheaf --library FILE ...args` in this process, parsing its standard output as JSON. */
export async function sheafJson<T>(library: string, ...args: string[]): Promise<T> {
  const result = await sheaf(library, ...args);
  if (result.code !== 0) throw new Error(`sheaf ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

/** `node bin/sheaf.js --library FILE ...args` as a child process. */
export function sheafProcess(library: string, args: string[], input?: string): CliResult {
  const child = spawnSync(process.execPath, ['bin/sheaf.js', '--library', library, ...args], {
    cwd: REPO_ROOT,
    input: input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 60_000,
  });
  if (child.error) throw child.error;
  return { code: child.status ?? -1, stdout: child.stdout, stderr: child.stderr };
}
