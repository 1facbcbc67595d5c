// Preloaded into the CLI process the benchmark times (node -r): on exit, writes the process's peak RSS (bytes) to
// the file named by DAGSMITH_BENCH_RSS_FILE, so the figure covers everything the CLI did, start-up included.
'use strict';
const fs = require('node:fs');
const file = process.env.DAGSMITH_BENCH_RSS_FILE;
if (file) process.on('exit', () => fs.writeFileSync(file, String(process.resourceUsage().maxRSS * 1024)));
