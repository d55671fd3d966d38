import { describe, expect, it } from 'vitest';
import { SHELL_BUILTINS } from '../../../src/cli/shell/builtins';
import { runShell } from '../../../src/cli/shell/interpreter';
import { type CommandFn, createShellState } from '../../../src/cli/shell/types';

function makeShell() {
  const shell = createShellState();
  const commands = new Map<string, CommandFn<unknown>>(SHELL_BUILTINS);
  // Echoes its argv as JSON and its stdin, so tests can see exactly what a command received.
  commands.set('args', ({ argv, stdin }) => ({ stdout: JSON.stringify(argv.slice(1)) + '\n' + stdin, stderr: '', exitCode: 0 }));
  commands.set('fail', () => ({ stdout: '', stderr: 'boom\n', exitCode: 3 }));
  commands.set('upper', ({ stdin }) => ({ stdout: stdin.toUpperCase(), stderr: '', exitCode: 0 }));
  const run = (line: string) => runShell({ commands, ctx: null, shell }, line);
  return { shell, run };
}

describe('shell words and quoting', () => {
  it('splits on blanks and honours single, double quotes and backslashes', async () => {
    const { run } = makeShell();
    const r = await run(`args a 'b c' "d e" f\\ g "" 'it''s' "q\\"x" \\$HOME`);
    expect(r.stdout).toBe('["a","b c","d e","f g","","its","q\\"x","$HOME"]\n');
  });

  it('expands variables, $? and command substitution; unquoted results are field-split', async () => {
    const { run } = makeShell();
    await run('X="1 2"; Y=lb');
    const r = await run('args $X "$X" ${Y}x $(echo a b) "$(echo c d)" $?');
    expect(r.stdout).toBe('["1","2","1 2","lbx","a","b","c d","0"]\n');
  });

  it('keeps comments out and treats # inside a word literally', async () => {
    const { run } = makeShell();
    expect((await run('args a#b # comment')).stdout).toBe('["a#b"]\n');
  });

  it('prefix assignments only live for one command', async () => {
    const { run, shell } = makeShell();
    await run('A=1 args $A');
    expect(shell.vars.has('A')).toBe(false);
  });
});

describe('shell control operators', () => {
  it('runs && only on success and || only on failure, ; always', async () => {
    const { run } = makeShell();
    const r = await run('fail && echo no; fail || echo yes; echo end');
    expect(r.stdout).toBe('yes\nend\n');
    expect(r.stderr).toBe('boom\nboom\n');
    expect(r.exitCode).toBe(0);
  });

  it('returns the last exit status', async () => {
    const { run } = makeShell();
    expect((await run('echo a; fail')).exitCode).toBe(3);
  });

  it('pipes stdout into the next command', async () => {
    const { run } = makeShell();
    expect((await run('echo hello | upper')).stdout).toBe('HELLO\n');
  });

  it('reports unknown commands as bash does', async () => {
    const { run } = makeShell();
    const r = await run('kubctl get svc');
    expect(r).toEqual({ stdout: '', stderr: 'bash: kubctl: command not found\n', exitCode: 127 });
  });

  it('reports syntax errors with bash wording and status 2', async () => {
    const { run } = makeShell();
    expect(await run('echo a &&')).toEqual({ stdout: '', stderr: "bash: syntax error near unexpected token `newline'\n", exitCode: 2 });
    expect((await run('&& echo')).stderr).toBe("bash: syntax error near unexpected token `&&'\n");
    expect((await run('echo "abc')).stderr).toBe('bash: unexpected EOF while looking for matching `"\'\n');
  });
});

describe('heredocs and files', () => {
  it('feeds an unquoted heredoc with expansion', async () => {
    const { run } = makeShell();
    await run('NAME=web');
    const r = await run('args -f - <<EOF\nname: $NAME\nport: "80"\nEOF');
    expect(r.stdout).toBe('["-f","-"]\nname: web\nport: "80"\n');
  });

  it('keeps a quoted heredoc literal and strips tabs with <<-', async () => {
    const { run } = makeShell();
    expect((await run("upper <<'EOF'\n$HOME\nEOF")).stdout).toBe('$HOME\n');
    expect((await run('upper <<-END\n\t\tx\n\tEND')).stdout).toBe('X\n');
  });

  it('runs commands after the heredoc terminator', async () => {
    const { run } = makeShell();
    const r = await run('upper <<EOF && echo done\na\nEOF\necho after');
    expect(r.stdout).toBe('A\ndone\nafter\n');
  });

  it('warns about a missing terminator and still runs', async () => {
    const { run } = makeShell();
    const r = await run('upper <<EOF\nabc');
    expect(r.stdout).toBe('ABC\n');
    expect(r.stderr).toBe("bash: warning: here-document at line 1 delimited by end-of-file (wanted `EOF')\n");
  });

  it('writes and reads in-memory files with >, >> and <', async () => {
    const { run } = makeShell();
    await run('cat > svc.yaml <<EOF\nkind: Service\nEOF');
    await run('echo more >> ./svc.yaml');
    expect((await run('cat svc.yaml')).stdout).toBe('kind: Service\nmore\n');
    expect((await run('upper < svc.yaml')).stdout).toBe('KIND: SERVICE\nMORE\n');
    expect((await run('cat nope.yaml')).stderr).toBe('cat: nope.yaml: No such file or directory\n');
  });

  it('routes stderr with 2>&1 and discards with /dev/null', async () => {
    const { run } = makeShell();
    expect(await run('fail 2>&1')).toEqual({ stdout: 'boom\n', stderr: '', exitCode: 3 });
    expect(await run('fail 2>/dev/null')).toEqual({ stdout: '', stderr: '', exitCode: 3 });
  });
});

describe('builtins', () => {
  it('echo supports -n and -e', async () => {
    const { run } = makeShell();
    expect((await run('echo -n a b')).stdout).toBe('a b');
    expect((await run('echo -e "a\\tb"')).stdout).toBe('a\tb\n');
  });

  it('clear writes the xterm clear-screen sequence', async () => {
    const { run } = makeShell();
    expect((await run('clear')).stdout).toBe('\x1b[H\x1b[2J\x1b[3J');
  });
});

describe('shell through the sandbox', () => {
  it('pipes a heredoc from cat into kubectl apply -f -', async () => {
    const { createSandbox } = await import('../../../src/sim/index');
    const sb = createSandbox();
    const r = await sb.exec('cat <<EOF | kubectl apply -f -\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: qa\nEOF');
    expect(r).toEqual({ stdout: 'namespace/qa created\n', stderr: '', exitCode: 0 });
    expect((await sb.exec('kubectl get ns qa -o name\r\n')).stdout).toBe('namespace/qa\n');
    expect((await sb.exec('history')).stdout).toBe(
      '    1  cat <<EOF | kubectl apply -f -\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: qa\nEOF\n    2  kubectl get ns qa -o name\n    3  history\n',
    );
  });
});

describe('aliases and printf', () => {
  it('expands an alias as the first word', async () => {
    const { run } = makeShell();
    await run("alias a='args x'");
    expect((await run('a y')).stdout).toBe('["x","y"]\n');
    expect((await run('alias')).stdout).toBe("alias a='args x'\n");
  });

  it('printf reuses its format', async () => {
    const { run } = makeShell();
    expect((await run("printf '%s=%d\\n' a 1 b 2")).stdout).toBe('a=1\nb=2\n');
  });
});

describe('directories', () => {
  it('cd, mkdir, ls and ~ work on the in-memory tree', async () => {
    const { run } = makeShell();
    await run('mkdir -p lab && cd lab');
    expect((await run('pwd')).stdout).toBe('/home/azureuser/lab\n');
    await run('echo hi > a.txt');
    expect((await run('cat ~/lab/a.txt')).stdout).toBe('hi\n');
    await run('cd ~');
    expect((await run('ls')).stdout).toBe('lab\n');
    expect((await run('cd nope')).stderr).toBe('bash: cd: nope: No such file or directory\n');
    expect((await run('echo ~ "~"')).stdout).toBe('/home/azureuser ~\n');
  });
});
