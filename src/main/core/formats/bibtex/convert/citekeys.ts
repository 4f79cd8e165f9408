// Citation keys within one file: a key used twice keeps both entries (the later one gets
// "-2", "-3"...), and an entry without a key gets one made from its first author and year.
import type { ItemData } from '../../../../../shared/domain';

export interface KeyAssignment {
  citekey: string;
  /** Set when the key had to be made up or changed. */
  warning?: string;
}

export class CitekeyAssigner {
  /** Lower-case key → line of the entry that has it (BibTeX compares keys without case). */
  private readonly taken = new Map<string, number>();

  assign(key: string, line: number, item: ItemData): KeyAssignment {
    if (!key) {
      const citekey = this.free(generatedKey(item), line);
      return { citekey, warning: `entry has no citation key; it was given "${citekey}"` };
    }
    const firstLine = this.taken.get(key.toLowerCase());
    if (firstLine === undefined) {
      this.taken.set(key.toLowerCase(), line);
      return { citekey: key };
    }
    const citekey = this.free(key, line);
    return {
      citekey,
      warning: `citation key "${key}" is also used by the entry on line ${firstLine}; this entry (line ${line}) was renamed "${citekey}"`,
    };
  }

  /** Per base key, the first suffix not yet tried: keys are never freed, so a search resumes there. */
  private readonly nextSuffix = new Map<string, number>();

  private free(base: string, line: number): string {
    let candidate = base;
    if (this.taken.has(candidate.toLowerCase())) {
      // Resuming keeps thousands of keyless entries (all "entry") linear, not quadratic.
      let n = this.nextSuffix.get(base.toLowerCase()) ?? 2;
      while (this.taken.has(`${base}-${n}`.toLowerCase())) n++;
      candidate = `${base}-${n}`;
      this.nextSuffix.set(base.toLowerCase(), n + 1);
    }
    this.taken.set(candidate.toLowerCase(), line);
    return candidate;
  }
}

function generatedKey(item: ItemData): string {
  const first = item.creators[0];
  const name = first?.family ?? first?.literal ?? first?.given ?? item.title.split(/\s+/)[0] ?? '';
  const ascii = name
    .normalize('NFD')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase();
  const year = item.date?.slice(0, 4) ?? '';
  return `${ascii || 'entry'}${year}`;
}
