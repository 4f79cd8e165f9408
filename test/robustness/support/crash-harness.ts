// One round of the crash harness: start the child on the library with an operation, kill
// it with SIGKILL at a seeded random moment after a chosen stage, then open the library
// as the app would and decide, from the library itself, whether it holds all or none of
// the operation: its fingerprint must equal the one taken before, or the one a
// reference run of the same operation (in this process, on a copy) produces. Exported
// and kept-updated files must hold their previous or their new text, and every listed
// backup must be intact.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Library } from '../../../src/main/core/library/library';
import { checkBackup, listBackups } from '../../../src/main/core/service/backups';
import { BindingWriter } from '../../../src/main/core/service/bindings';
import type { Rng } from './env';
import { openCrashHost, runOp, type CrashOp, type OpKind, type Stage } from './crash-ops';
import { type CrashWorld } from './crash-library';
import { difference, fingerprint, invariantViolations, type Fingerprint } from './fingerprint';

export interface RoundResult {
  kind: OpKind;
  /** What the library held after the kill. */
  outcome: 'none' | 'all';
  /** The stage the kill was aimed after, and the last stage the child announced. */
  aimed: Stage;
  lastStage: Stage | 'ready' | 'booting';
  /** The child finished before the kill arrived. */
  finished: boolean;
  /** A temporary file of an atomic write was left behind: the kill landed inside the write. */
  midWrite: boolean;
  problems: string[];
}

/** The library's state between rounds: what the next round's "none" must equal. */
export interface Known {
  print: Fingerprint;
  bound: string;
  exports: Map<string, string | undefined>;
  backups: Set<string>;
}

/**
 * Where kills are aimed, per operation: mostly inside the parts that matter (the chunked
 * import commit, the atomic file write), some right at the start, some at the .bib write.
 */
const AIMS: Partial<Record<OpKind, Partial<Record<Stage, number>>>> = {
  import: { start: 0.2, progress: 0.6, bindings: 0.2 },
  export: { start: 0.2, file: 0.8 },
  backup: { start: 1 },
};
const DEFAULT_AIMS: Partial<Record<Stage, number>> = { start: 0.5, bindings: 0.5 };

/** Measured time from each stage's marker to the next (ms), to aim kills inside the stage. */
export class StageTimes {
  private readonly times = new Map<string, number>();
  get(kind: OpKind, stage: Stage): number {
    return this.times.get(`${kind}:${stage}`) ?? 40;
  }
  observe(kind: OpKind, stage: Stage, ms: number): void {
    const key = `${kind}:${stage}`;
    const old = this.times.get(key);
    this.times.set(key, old === undefined ? ms : old * 0.7 + ms * 0.3);
  }
}

interface ChildRun {
  lastStage: RoundResult['lastStage'];
  finished: boolean;
  outcome?: { ok: boolean; code?: string; message?: string };
  stderr: string;
  exitSignal: NodeJS.Signals | null;
  exitCode: number | null;
}

/** A child started ahead of its round: it loads its code, then waits for a spec on stdin. */
export class CrashChild {
  private readonly child: ChildProcess;
  private buffer = '';
  private queued: string[] = [];
  private onLine: ((line: string) => void) | undefined;
  stderr = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(bundle: string) {
    this.child = spawn(process.execPath, [bundle], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout!.setEncoding('utf8');
    this.child.stdout!.on('data', (chunk: string) => {
      this.buffer += chunk;
      let newline: number;
      while ((newline = this.buffer.indexOf('\n')) >= 0) {
        const line = this.buffer.slice(0, newline);
        this.buffer = this.buffer.slice(newline + 1);
        if (this.onLine) this.onLine(line);
        else this.queued.push(line);
      }
    });
    this.child.stderr!.setEncoding('utf8');
    this.child.stderr!.on('data', (chunk: string) => (this.stderr += chunk));
    this.child.stdin!.on('error', () => {}); // the child may be gone before it reads
    this.exited = new Promise((resolve) =>
      this.child.on('exit', (code, signal) => resolve({ code, signal })),
    );
  }

  /** Hands the child its spec; `onLine` hears every line it printed and prints. */
  start(specFile: string, onLine: (line: string) => void): void {
    this.onLine = onLine;
    for (const line of this.queued.splice(0)) onLine(line);
    this.child.stdin!.end(`${specFile}\n`);
  }

  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}

/** Runs the child and kills it `delay` ms after it announces `aim` (or when it finishes). */
async function runChild(
  child: CrashChild,
  specFile: string,
  kind: OpKind,
  aim: Stage,
  delay: number,
  times: StageTimes,
): Promise<ChildRun> {
  const run: ChildRun = {
    lastStage: 'booting',
    finished: false,
    stderr: '',
    exitSignal: null,
    exitCode: null,
  };
  let stageAt = 0;
  let timer: NodeJS.Timeout | undefined;
  const watchdog = setTimeout(() => child.kill(), 60_000);
  const stageEnded = (now: number) => {
    if (run.lastStage !== 'ready' && run.lastStage !== 'booting')
      times.observe(kind, run.lastStage, now - stageAt);
  };
  child.start(specFile, (line) => {
    const now = performance.now();
    if (line === 'ready') {
      run.lastStage = 'ready';
    } else if (line.startsWith('mark ')) {
      const stage = line.slice(5) as Stage;
      stageEnded(now);
      run.lastStage = stage;
      stageAt = now;
      if (stage === aim && !timer) timer = setTimeout(() => child.kill(), delay);
    } else if (line.startsWith('done ')) {
      stageEnded(now);
      run.finished = true;
      run.outcome = JSON.parse(line.slice(5)) as ChildRun['outcome'];
      child.kill();
    }
  });
  const { code, signal } = await child.exited;
  clearTimeout(watchdog);
  if (timer) clearTimeout(timer);
  run.exitCode = code;
  run.exitSignal = signal;
  run.stderr = child.stderr;
  return run;
}

function tempFiles(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => name.endsWith('.tmp')) : [];
}

/** The state the whole operation produces: the same operation, in this process, on a copy. */
async function reference(world: CrashWorld, before: string, op: CrashOp, now: number, full: boolean) {
  const dir = path.join(world.dir, 'reference');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir);
  const file = path.join(dir, 'library.sqlite');
  fs.copyFileSync(before, file);
  if (op.kind === 'restore') fs.cpSync(`${world.library}-backups`, `${file}-backups`, { recursive: true });
  const host = openCrashHost(file, {
    now,
    exportPath: (ext) => path.join(dir, `export.${ext}`),
    mark: () => {},
  });
  try {
    const outcome = await runOp(host, op, { mark: () => {}, writeBindings: false });
    const exportFile = op.kind === 'export' ? path.join(dir, `export.${op.extension}`) : undefined;
    return {
      outcome,
      print: full ? fingerprint(host.library.db) : undefined,
      bound: full ? new BindingWriter().render(host.library, { kind: 'library' }, 'bibtex') : undefined,
      exported: exportFile && fs.existsSync(exportFile) ? fs.readFileSync(exportFile, 'utf8') : undefined,
    };
  } finally {
    host.close();
  }
}

export interface RoundInput {
  world: CrashWorld;
  /** A child started ahead of time (see CrashChild). */
  child: CrashChild;
  rng: Rng;
  op: CrashOp;
  now: number;
  known: Known;
  times: StageTimes;
  /** Called as soon as the child is gone (to start the next one while this round is checked). */
  onKilled?: () => void;
}

/** One kill and its verdict; returns the result and the library's state for the next round. */
export async function crashRound(input: RoundInput): Promise<{ result: RoundResult; known: Known }> {
  const { world, rng, op, now, known, times } = input;
  const before = path.join(world.dir, 'before.sqlite');
  fs.copyFileSync(world.library, before);
  // The bound file starts current (a kill between a commit and its .bib write leaves it
  // behind; catching up on start-up is the app's job, tested in backups.test.ts).
  if (fs.readFileSync(world.boundFile, 'utf8') !== known.bound)
    fs.writeFileSync(world.boundFile, known.bound);
  const specFile = path.join(world.dir, 'spec.json');
  fs.writeFileSync(specFile, JSON.stringify({ library: world.library, now, exportDir: world.exportDir, op }));

  const aim = rng.weighted(AIMS[op.kind] ?? DEFAULT_AIMS);
  const delay = rng.next() * 1.3 * times.get(op.kind, aim);
  const writeDirs = [world.exportDir, path.dirname(world.boundFile)];
  const tempsBefore = new Set(writeDirs.flatMap(tempFiles));
  const run = await runChild(input.child, specFile, op.kind, aim, delay, times);
  input.onKilled?.();

  const problems: string[] = [];
  if (run.exitSignal !== 'SIGKILL' && run.exitCode !== 0)
    problems.push(`the child failed by itself (exit ${run.exitCode}): ${run.stderr.slice(0, 2000)}`);
  if (run.outcome && !run.outcome.ok && run.outcome.code === 'internal')
    problems.push(`the operation failed with an internal error: ${run.outcome.message}`);

  const inspected = inspect(world, now, known.backups, problems);
  const changed = difference(known.print, inspected.print);
  const boundOnDisk = fs.readFileSync(world.boundFile, 'utf8');
  const exportsNow = new Map(
    [...known.exports.keys()].map((file) => [
      file,
      fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined,
    ]),
  );
  // The reference run is needed only to know what "new" is for something that changed.
  const exportChanged = [...known.exports].some(([file, previous]) => exportsNow.get(file) !== previous);
  const needsReference = changed !== '' || boundOnDisk !== known.bound || exportChanged;
  const ref = needsReference
    ? await reference(world, before, op, now, op.kind !== 'export' || changed !== '')
    : undefined;
  let outcome: RoundResult['outcome'] = 'none';
  let bound = known.bound;
  if (changed !== '') {
    const diff = difference(ref!.print!, inspected.print);
    if (diff === '') {
      outcome = 'all';
      bound = ref!.bound!;
    } else {
      problems.push(
        `the library holds part of "${op.kind}": it differs from the state before in ${changed} and from the complete operation in ${diff}`,
      );
    }
  }
  if (boundOnDisk !== known.bound && boundOnDisk !== ref?.bound)
    problems.push(
      `the kept-updated .bib (${boundOnDisk.length} chars) is neither the previous version nor the new one`,
    );
  const exports = new Map<string, string | undefined>();
  for (const [file, previous] of known.exports) {
    const text = exportsNow.get(file);
    const isNew = op.kind === 'export' && file.endsWith(`.${op.extension}`) && text === ref?.exported;
    if (text !== previous && !isNew)
      problems.push(
        `${path.basename(file)} (${text?.length ?? 'missing'} chars) is neither the previous export nor the new one`,
      );
    exports.set(file, text);
  }
  const midWrite = writeDirs.flatMap(tempFiles).some((name) => !tempsBefore.has(name));
  return {
    result: {
      kind: op.kind,
      outcome,
      aimed: aim,
      lastStage: run.lastStage,
      finished: run.finished,
      midWrite,
      problems,
    },
    known: { print: inspected.print, backups: inspected.backups, bound, exports },
  };
}

/** What the library holds now, read after a kill. */
export interface Inspected {
  print: Fingerprint;
  backups: Set<string>;
}

/**
 * Opens the library after the kill (recovering it as the app does), checks its invariants
 * and the backups made since the last look, and fingerprints it.
 */
export function inspect(
  world: CrashWorld,
  now: number,
  seenBackups: Set<string>,
  problems: string[],
): Inspected {
  const library = Library.open(world.library, { now: () => now });
  let print: Fingerprint;
  try {
    problems.push(...invariantViolations(library.db));
    print = fingerprint(library.db);
  } finally {
    library.close();
  }
  const backups = new Set(listBackups(world.library).map((b) => b.file));
  const dir = `${world.library}-backups`;
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    if (/^sheaf-backup-\d{8}T\d{9}(-[a-z-]+)?\.sqlite$/.test(name) && !backups.has(file))
      problems.push(`${name} is named as a backup but is not a readable one (damaged or partial)`);
  }
  for (const file of backups) {
    if (seenBackups.has(file)) continue;
    try {
      checkBackup(world.library, file);
    } catch (error) {
      problems.push(`the new backup ${path.basename(file)} is not intact: ${(error as Error).message}`);
    }
  }
  return { print, backups };
}

/** The library's full state for the first round (and after a reset). */
export function initialKnown(world: CrashWorld, now: number): Known {
  const problems: string[] = [];
  const { print, backups } = inspect(world, now, new Set(), problems);
  if (problems.length) throw new Error(`the starting library is not sound: ${problems.join('; ')}`);
  const library = Library.open(world.library, { now: () => now, readonly: true });
  try {
    return {
      print,
      backups,
      bound: new BindingWriter().render(library, { kind: 'library' }, 'bibtex'),
      exports: new Map(
        world.exportFormats.map(({ extension }) => {
          const file = path.join(world.exportDir, `export.${extension}`);
          return [file, fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined];
        }),
      ),
    };
  } finally {
    library.close();
  }
}
