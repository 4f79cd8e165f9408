// The crash harness's child process: opens the library as the app does, runs one
// operation (then brings the kept-updated .bib up to date), and reports its stages on
// stdout ("mark start", "mark progress", "mark file", ...) so the parent can aim its
// SIGKILL. The parent never trusts what this prints about the library's state.
//
// It starts ahead of time (while the parent checks the previous kill), says "loaded",
// and waits for the path of its spec, { library, now, exportDir, op }, on stdin.
import fs from 'node:fs';
import path from 'node:path';
import { ensureBibtexExport } from './formats';
import { openCrashHost, runOp, type CrashOp, type Stage } from './crash-ops';

interface Spec {
  library: string;
  now: number;
  exportDir: string;
  op: CrashOp;
}

const say = (line: string) => fs.writeSync(1, `${line}\n`);

/** One line from stdin, read synchronously (nothing else happens until it arrives). */
function readLine(): string {
  const buffer = Buffer.alloc(4096);
  let line = '';
  for (;;) {
    const n = fs.readSync(0, buffer, 0, buffer.length, null);
    if (n === 0) process.exit(0); // the parent went away
    line += buffer.toString('utf8', 0, n);
    if (line.includes('\n')) return line.slice(0, line.indexOf('\n'));
  }
}

async function main(): Promise<void> {
  say('loaded');
  const spec = JSON.parse(fs.readFileSync(readLine(), 'utf8')) as Spec;
  ensureBibtexExport();
  const mark = (stage: Stage) => say(`mark ${stage}`);
  const host = openCrashHost(spec.library, {
    now: spec.now,
    exportPath: (extension) => path.join(spec.exportDir, `export.${extension}`),
    mark,
  });
  say('ready');
  const outcome = await runOp(host, spec.op, { mark, writeBindings: true });
  say(`done ${JSON.stringify(outcome)}`);
  host.close();
}

void main();
