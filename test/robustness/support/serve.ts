// The app, as another process: `sheaf serve` on a library (through bin/sheaf.js, as a
// user starts it), reached over its HTTP API. A stand-in page is served, so that no
// renderer build is needed.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { ArgsOf, MethodName, ResultOf } from '../../../src/shared/contract';
import { REPO_ROOT } from './child-bundle';

export type Answer<M extends MethodName> =
  { ok: true; value: ResultOf<M> } | { ok: false; error: { code: string; message: string } };

export interface ServedApp {
  origin: string;
  /** Calls a method; resolves to the API's {ok, value} or {ok: false, error}. */
  call<M extends MethodName>(method: M, args: ArgsOf<M>): Promise<Answer<M>>;
  /** Calls a method that must succeed. */
  value<M extends MethodName>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>>;
  output(): string;
  stop(): Promise<void>;
}

export async function serveLibrary(library: string, workDir: string): Promise<ServedApp> {
  const renderer = path.join(workDir, 'renderer');
  fs.mkdirSync(renderer, { recursive: true });
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Sheaf</title>');
  const child = spawn(
    process.execPath,
    ['bin/sheaf.js', '--library', library, 'serve', '--renderer', renderer],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, SHEAF_LIBRARY: '' } },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sheaf serve did not start:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sheaf serve exited with ${code}:\n${output}`));
    });
  });
  const parsed = new URL(url);
  const token = new URLSearchParams(parsed.hash.slice(1)).get('token') ?? '';
  async function call<M extends MethodName>(method: M, args: ArgsOf<M>): Promise<Answer<M>> {
    const response = await fetch(`${parsed.origin}/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Sheaf-Token': token },
      body: JSON.stringify(args),
    });
    return (await response.json()) as Answer<M>;
  }
  return {
    origin: parsed.origin,
    call,
    async value(method, args) {
      const result = await call(method, args);
      if (!result.ok) throw new Error(`${method} failed: ${result.error.code}: ${result.error.message}`);
      return result.value;
    },
    output: () => output,
    stop: () => stop(child),
  };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
