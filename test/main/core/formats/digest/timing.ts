// Linear-time checks that survive a busy machine: compare a parser with itself on inputs
// of size n and 4n (best of three runs each) instead of against a wall-clock budget.
// Linear work takes about 4 times as long on the larger input; quadratic work 16 times.

function bestOf(runs: number, work: () => void): number {
  let best = Infinity;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    work();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

/** The ratio time(4n) / time(n), with a few milliseconds added to both against timer noise. */
export function growthRatio(
  makeInput: (size: number) => string,
  parse: (text: string) => unknown,
  size: number,
): number {
  const small = makeInput(size);
  const large = makeInput(size * 4);
  parse(small); // warm up the JIT before timing
  const smallTime = bestOf(3, () => parse(small));
  const largeTime = bestOf(3, () => parse(large));
  return (largeTime + 5) / (smallTime + 5);
}
