#!/usr/bin/env node
// The `sheaf` command: the bundle `npm run build` makes, while it is fresh; otherwise the
// TypeScript CLI through tsx, so the checkout works right after `npm install` (ADR 68).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { freshCliBundle } from '../scripts/lib/built-cli.js';

const root = path.resolve(import.meta.dirname, '..');
const bundle = freshCliBundle(root);
let main;
if (bundle) {
  ({ main } = await import(pathToFileURL(bundle).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/main/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
