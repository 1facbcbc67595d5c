// Preloaded into the CLI process the benchmark times (node -r): on exit, writes the process's peak RSS (bytes) and
// its CPU time (user + system, ms, every thread) as JSON to the file named by DAGSMITH_BENCH_RSS_FILE, so the
// figures cover everything the CLI did, start-up included.
'use strict';
const fs = require('node:fs');
const file = process.env.DAGSMITH_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    fs.writeFileSync(file, JSON.stringify({ maxRssBytes: u.maxRSS * 1024, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }));
  });
}
