#!/usr/bin/env node
// The `sheaf` command: runs the TypeScript CLI through tsx, so the checkout works
// right after `npm install` without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
