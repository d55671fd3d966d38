#!/usr/bin/env node
// `npm run fuzz`: the long fuzz run (test/fuzz/long.fuzz.ts) under a watchdog. Every case writes
// the step it is about to run to a trace file; if the run dies (out of memory) or stops making
// progress (an endless loop in the simulator), the last step is printed, which is the culprit.
// FUZZ_CASES (default 100000), FUZZ_SEED, FUZZ_PATH (replay), FUZZ_STALL_SECONDS (default 60).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

mkdirSync('.cache/fuzz', { recursive: true });
const trace = join(process.cwd(), '.cache/fuzz/trace.json');
// A trace left by an earlier run would look like a stall before this one starts writing.
rmSync(trace, { force: true });
const stall = Number(process.env.FUZZ_STALL_SECONDS ?? 60) * 1000;
const vitest = join(process.cwd(), 'node_modules/vitest/vitest.mjs');
const child = spawn(process.execPath, [vitest, 'run', '--config', 'test/fuzz/vitest.fuzz.config.ts'], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_TRACE: trace, FUZZ_CASES: process.env.FUZZ_CASES ?? '100000' },
  detached: true,
});

const lastStep = () => (existsSync(trace) ? readFileSync(trace, 'utf8').slice(0, 4000) : '(none)');
let stalled = false;
const timer = setInterval(() => {
  if (existsSync(trace) && Date.now() - statSync(trace).mtimeMs > stall) {
    stalled = true;
    console.error(`\nfuzz: no progress for ${stall / 1000} s; the step running:\n${lastStep()}`);
    process.kill(-child.pid, 'SIGKILL');
  }
}, 5000);

child.on('exit', (code, signal) => {
  clearInterval(timer);
  if (signal && !stalled) console.error(`\nfuzz: the run died (${signal}); the step running:\n${lastStep()}`);
  process.exit(stalled || signal ? 1 : (code ?? 1));
});
