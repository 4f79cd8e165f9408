// Seeds and sizes for the robustness suites. Every suite draws its randomness from one
// printed seed (SHEAF_SEED to replay a run) and runs its long version under `npm run
// soak` (SHEAF_SOAK=1). `npm test` uses a fixed seed, so that a test run is repeatable
// and CI's verdict does not depend on luck; the soak (or SHEAF_SEED=random) explores
// fresh seeds, and a failure found there becomes a fixed regression case.

export const SOAK = process.env.SHEAF_SOAK === '1' || process.env.SHEAF_SOAK === 'true';

const FIXED_SEED = 20261126;

/** The run's seed: SHEAF_SEED if set, a fresh one in the soak, else a fixed one. */
export function runSeed(): number {
  const given = process.env.SHEAF_SEED;
  if (given === 'random' || ((given === undefined || given === '') && SOAK)) return freshSeed();
  if (given !== undefined && given !== '') {
    const seed = Number(given);
    if (!Number.isInteger(seed)) throw new Error(`SHEAF_SEED must be an integer, not ${given}`);
    return seed >>> 0;
  }
  return FIXED_SEED;
}

function freshSeed(): number {
  return (Date.now() ^ (process.pid << 16)) >>> 0;
}

/** Prints the seed once, so that a failing run can be replayed exactly. */
export function announceSeed(suite: string, seed: number, detail = ''): void {
  process.stdout.write(
    `[${suite}] seed ${seed}${detail ? ` ${detail}` : ''} (replay: SHEAF_SEED=${seed}${SOAK ? ' SHEAF_SOAK=1' : ''})\n`,
  );
}

/** A small, fast, seedable generator (sfc32), so that runs replay exactly. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    for (let i = 0; i < 15; i++) this.next();
  }

  /** A float in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Up to `count` distinct elements, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    const n = Math.min(count, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, n);
  }

  /** Picks a key of `weights` with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Partial<Record<K, number>>>): K {
    const entries = Object.entries(weights) as [K, number][];
    let roll = this.next() * entries.reduce((sum, [, w]) => sum + w, 0);
    for (const [key, weight] of entries) {
      roll -= weight;
      if (roll < 0) return key;
    }
    return entries[entries.length - 1]![0];
  }
}
