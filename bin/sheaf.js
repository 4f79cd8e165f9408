#!/usr/bin/env node
// The `sheaf` command: the bundle `npm run build` makes, while it is fresh; otherwise the
// TypeScript CLI through tsx, so the checkout works right after `npm install` (ADR 68).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { freshCliBundle } from '../scripts/lib/built-cli.js';

const root = path.resolve(import.meta.dirname, '..');

async function loadMain() {
  const bundle = freshCliBundle(root);
  if (bundle) {
    try {
      return (await import(pathToFileURL(bundle).href)).main;
    } catch {
      // A build cut short (a chunk missing): the sources still run.
    }
  }
  const { register } = await import('tsx/esm/api');
  register();
  return (await import('../src/main/cli/main.ts')).main;
}

const main = await loadMain();
process.exitCode = await main(process.argv.slice(2));
