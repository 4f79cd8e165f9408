// Run the real consumers of a .bib file on our exports: Debian's `bibtex` (with a given
// style) and `biber --tool --validate-datamodel`. Each returns the errors and warnings it
// printed, so tests can fail on errors and show warnings.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ConsumerReport {
  errors: string[];
  warnings: string[];
}

export function missingTool(command: string): string | undefined {
  const probe = spawnSync(command, ['--version'], { encoding: 'utf8' });
  return probe.error ? `${command} is not installed (${probe.error.message}); CI installs it` : undefined;
}

/** `bibtex` on `bib` with \citation{*}: every entry is read and formatted by `style`. */
export function runBibtex(bib: string | Buffer, style: 'plain' | 'plainnat'): ConsumerReport {
  return inTempDir((dir) => {
    writeFileSync(join(dir, 'refs.bib'), bib);
    writeFileSync(join(dir, 'refs.aux'), `\\citation{*}\n\\bibdata{refs}\n\\bibstyle{${style}}\n`);
    const run = spawnSync('bibtex', ['-terse', 'refs'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
    if (run.error) throw run.error;
    const log = readFileSync(join(dir, 'refs.blg'), 'utf8');
    return parseBibtexLog(log);
  });
}

/**
 * bibtex's log: warnings start "Warning--"; an error is a message followed by a line that
 * says where ("---line 12 of file refs.bib", "while executing---line 1394 of file ...").
 */
export function parseBibtexLog(log: string): ConsumerReport {
  const lines = log.split('\n');
  const errors: string[] = [];
  const warnings: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('Warning--')) warnings.push(line.slice('Warning--'.length));
    else if (/---line \d+ of file|---this can't happen|^Sorry---/.test(line)) {
      errors.push(/^(while executing)?---line/.test(line) ? `${lines[i - 1] ?? ''} ${line}` : line);
    }
  }
  const counted = /\(There (?:was|were) (\d+) error messages?\)/.exec(log);
  if (counted && errors.length === 0) errors.push(`bibtex counted ${counted[1]} errors`);
  return { errors, warnings };
}

/** `biber --tool --validate-datamodel` on `bib` (biblatex's own reader and data model). */
export async function runBiber(bib: string | Buffer): Promise<ConsumerReport> {
  const dir = mkdtempSync(join(tmpdir(), 'sheaf-bib-'));
  try {
    writeFileSync(join(dir, 'refs.bib'), bib);
    const args = [
      '--tool',
      '--validate-datamodel',
      '--nolog',
      '--output-file',
      join(dir, 'out.bib'),
      'refs.bib',
    ];
    const { status, output } = await new Promise<{ status: number | null; output: string }>(
      (resolve, reject) => {
        const child = spawn('biber', args, { cwd: dir });
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.on('error', reject);
        child.on('close', (code) => resolve({ status: code, output }));
      },
    );
    const errors = output.split('\n').filter((line) => /^(ERROR|FATAL) - /.test(line));
    const warnings = output.split('\n').filter((line) => line.startsWith('WARN - '));
    if (status !== 0 && errors.length === 0) errors.push(`biber exited with ${status}`);
    return { errors, warnings };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function inTempDir<T>(work: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'sheaf-bib-'));
  try {
    return work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Warnings grouped by their text without entry keys, so a long list reads as a summary. */
export function summarise(warnings: string[], max = 8): string {
  const groups = new Map<string, number>();
  for (const warning of warnings) {
    const kind = warning
      .replace(/"[^"]*"|'[^']*'/g, '…')
      .replace(/\d+/g, 'N')
      .slice(0, 120);
    groups.set(kind, (groups.get(kind) ?? 0) + 1);
  }
  return [...groups]
    .sort((a, b) => b[1] - a[1])
    .slice(0, max)
    .map(([kind, count]) => `${count} × ${kind}`)
    .join('\n    ');
}
