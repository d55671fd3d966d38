import { type CommandFn, type ExecResult, ok } from './types';

/** What `watch` needs from the sandbox: virtual time. */
export interface WatchContext {
  clock: { now(): number };
  advance(ms: number): Promise<void>;
}

export const WATCH_MAX_REFRESHES = 30;
const WIDTH = 80;
const HOSTNAME = 'lab';

export const WATCH_HELP = `
Usage:
 watch [options] command

Options:
  -n, --interval <secs>  seconds to wait between updates
  -g, --chgexit          exit when output from command changes
  -t, --no-title         turn off header
  -h, --help             display this help and exit

In this lab the terminal shows a command's output only when it finishes, so watch cannot
redraw one screen forever. It prints one screen per interval, advancing the virtual clock
by the interval each time, and stops when the output has not changed for 2 intervals in a
row (or, with -g, when it changes), after ${WATCH_MAX_REFRESHES} screens at most.
`;

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');

/** ctime(3) format in UTC, as watch prints it: `Wed Nov 25 06:04:17 2026`. */
export function ctime(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

function title(interval: number, cmd: string, now: number): string {
  const left = `Every ${interval.toFixed(1)}s: ${cmd}`;
  const right = `${HOSTNAME}: ${ctime(now)}`;
  const room = WIDTH - right.length - 1;
  const l = left.length > room ? left.slice(0, Math.max(0, room - 3)) + '...' : left;
  return l + ' '.repeat(Math.max(1, WIDTH - l.length - right.length)) + right;
}

const USAGE_ERR = `\nUsage:\n watch [options] command\n\nFor more details see watch(1).\n`;

export const watch: CommandFn<WatchContext> = async ({ argv, run, ctx }): Promise<ExecResult> => {
  let interval = 2;
  let noTitle = false;
  let chgexit = false;
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') return ok(WATCH_HELP);
    let v: string | undefined;
    if (a === '-n' || a === '--interval') v = argv[++i] ?? '';
    else if (/^-n./.test(a)) v = a.slice(2);
    else if (a.startsWith('--interval=')) v = a.slice(11);
    if (v !== undefined) {
      if (v === '' && i >= argv.length) return { stdout: '', stderr: `watch: option requires an argument -- 'n'${USAGE_ERR}`, exitCode: 1 };
      if (!/^\d+(\.\d+)?$/.test(v)) return { stdout: '', stderr: `watch: failed to parse argument: '${v}'\n`, exitCode: 1 };
      interval = Math.max(0.1, Number(v));
      continue;
    }
    if (a === '-t' || a === '--no-title') noTitle = true;
    else if (a === '-g' || a === '--chgexit') chgexit = true;
    else if (a === '-d' || a === '--differences' || a === '-c' || a === '--color') continue;
    else if (a === '--') {
      i++;
      break;
    } else if (a.startsWith('-') && a.length > 1) return { stdout: '', stderr: `watch: invalid option -- '${a[1]}'${USAGE_ERR}`, exitCode: 1 };
    else break;
  }
  const cmd = argv.slice(i).join(' ');
  if (!cmd) return { stdout: '', stderr: USAGE_ERR.slice(1), exitCode: 1 };
  let screens = '';
  let previous: string | undefined;
  let unchanged = 0;
  for (let n = 0; n < WATCH_MAX_REFRESHES; n++) {
    if (n > 0) await ctx.advance(Math.round(interval * 1000));
    const r = await run(cmd);
    const body = r.stdout + r.stderr;
    const header = noTitle ? '' : title(interval, cmd, ctx.clock.now()) + '\n\n';
    screens += (n > 0 ? '\n' : '') + header + body;
    if (previous !== undefined) {
      if (body !== previous) {
        unchanged = 0;
        if (chgexit) break;
      } else if (++unchanged >= 2) break;
    }
    previous = body;
  }
  return ok(screens);
};
