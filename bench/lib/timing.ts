// Timing helpers for the benchmarks.

/**
 * Fastest of `runs` timed runs after a warm-up. On a shared machine other work only ever
 * adds time, so the fastest run is the figure least disturbed by it; the median is printed
 * beside it by the callers that need both.
 */
export function fastest(runs: number, work: () => unknown): { best: number; median: number } {
  work(); // JIT warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { best: times[0]!, median: times[Math.floor(times.length / 2)]! };
}
