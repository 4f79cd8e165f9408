// Preloaded into a command the bench runs as a process (`node --import THIS bin/sheaf.js ...`):
// reports the process's peak resident memory on its last line of standard error.
process.on('exit', () => {
  process.stderr.write(`\npeak-rss-kib ${process.resourceUsage().maxRSS}\n`);
});
