// The longest the event loop went without a turn while some async work ran: how long a
// window waiting on the main process could have waited for an answer.

/** Runs `work` while a turn-by-turn watcher notes the longest gap between two turns. */
export async function longestBlock<T>(work: () => Promise<T>): Promise<{ value: T; blockMs: number }> {
  let last = performance.now();
  let longest = 0;
  let watching = true;
  const turn = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (watching) setImmediate(turn);
  };
  setImmediate(turn);
  const value = await work();
  // One more turn, so that the stretch up to the end of `work` is counted too.
  await new Promise((resolve) => setImmediate(resolve));
  watching = false;
  return { value, blockMs: longest };
}
