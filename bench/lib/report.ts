// Printing benchmark figures next to their targets, and the machine they ran on.
import os from 'node:os';

export interface Figure {
  figure: string;
  value: number;
  unit: string;
  /** e.g. "<= 20 ms"; omitted for figures reported for scale only. */
  target?: { op: '<=' | '>='; value: number };
  note?: string;
}

export function machine(): string {
  const cpus = os.cpus();
  return `${cpus[0]?.model ?? 'cpu'} × ${cpus.length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`;
}

export function meets(figure: Figure): boolean | undefined {
  if (!figure.target) return undefined;
  return figure.target.op === '<='
    ? figure.value <= figure.target.value
    : figure.value >= figure.target.value;
}

export function printFigures(title: string, figures: Figure[]): void {
  console.log(`\n## ${title}\n`);
  const rows = figures.map((f) => {
    const ok = meets(f);
    return [
      f.figure,
      `${format(f.value)} ${f.unit}`,
      f.target ? `${f.target.op} ${format(f.target.value)} ${f.unit}` : '(for scale)',
      ok === undefined ? '' : ok ? 'ok' : 'MISSED',
      f.note ?? '',
    ];
  });
  const header = ['figure', 'measured', 'target', '', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
}

function format(value: number): string {
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function time<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}
