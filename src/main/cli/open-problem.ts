// A library that will not open, told on the command line: what is wrong, then each way
// forward as the command that takes it (the ways themselves come from recovery.ts).
import type { OpenProblem, WayForward } from '../core/service/recovery';

export function explainOpenProblem(problem: OpenProblem): string {
  const ways = problem.ways.map((way) => `  - ${explainWay(problem.file, way)}`);
  return ways.length ? `${problem.message}\nWhat you can do:\n${ways.join('\n')}` : problem.message;
}

function explainWay(file: string, way: WayForward): string {
  const library = `sheaf --library ${quote(file)}`;
  switch (way.kind) {
    case 'restore-backup': {
      const newest = way.backups[0]!;
      const name = newest.file.split(/[\\/]/).pop()!;
      return (
        `restore a backup (the newest is from ${newest.created}, ${newest.itemCount} items): ` +
        `${library} restore ${name} --yes; all backups: ${library} backups`
      );
    }
    case 'open-read-only':
      return `open it read-only, to look or export: ${library} --read-only list (or export)`;
    case 'choose-another':
      return 'use another library: sheaf --library OTHER-FILE ... (or set SHEAF_LIBRARY)';
    case 'update-sheaf':
      return 'update Sheaf to the version that wrote this library';
    case 'free-space':
      return 'free some disk space, then try again';
    case 'fix-permissions':
      return 'make the file and its folder writable for your user, then try again';
    case 'try-again':
      return 'try again once the other Sheaf process has finished writing';
  }
}

function quote(file: string): string {
  return /^[\w./@:+-]+$/.test(file) ? file : `'${file.replace(/'/g, `'\\''`)}'`;
}
