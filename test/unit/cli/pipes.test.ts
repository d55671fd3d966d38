/**
 * Issue #4 "Shell": pipe tools (awk, cut, grep, sort, uniq, tr, jq), variables from `$(…)` into
 * curl, and `watch` on virtual time — exact lines through `sandbox.exec`.
 */
import { describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../../../src/sim/index';

const WEB = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: LoadBalancer
  selector:
    app: web
  ports:
  - port: 80
`;

async function cluster(): Promise<Sandbox> {
  const sb = createSandbox();
  expect((await sb.exec('kubectl apply -f -', { stdin: WEB })).exitCode).toBe(0);
  expect((await sb.exec('kubectl create deployment web --image=nginx')).exitCode).toBe(0);
  await sb.settle();
  return sb;
}

const run = async (line: string, sb: Sandbox = createSandbox()) => sb.exec(line);
const out = (stdout: string) => ({ stdout, stderr: '', exitCode: 0 });
const err = (stderr: string, exitCode: number) => ({ stdout: '', stderr, exitCode });

describe('awk', () => {
  it('prints fields: $N, $NF, $(NF-1), $0, several with ","', async () => {
    const sb = await cluster();
    const ip = (await sb.exec("kubectl get svc web -o jsonpath='{.status.loadBalancer.ingress[0].ip}'")).stdout;
    expect(await sb.exec("kubectl get svc -A | awk '{print $1, $2}'")).toEqual(
      out('NAMESPACE NAME\ndefault kubernetes\ndefault web\nkube-system kube-dns\nkube-system metrics-server\n'),
    );
    expect(await sb.exec("kubectl get svc | awk 'NR > 1 {print $(NF-1)}'")).toEqual(out('443/TCP\n80:31347/TCP\n'));
    expect(await sb.exec("kubectl get svc -A | awk '/LoadBalancer/ {print $2, $5}'")).toEqual(out(`web ${ip}\n`));
    expect(await sb.exec('kubectl get svc -A | awk \'$3 == "LoadBalancer" {print $1 "/" $2}\'')).toEqual(out('default/web\n'));
    expect(await run("printf 'a b\\nc d\\n' | awk '{print $0 \"!\"}'")).toEqual(out('a b!\nc d!\n'));
  });

  it('-F sets the separator; BEGIN/END and !/re/ work', async () => {
    expect(await run("echo a:b:c | awk -F: '{print $2,$3}'")).toEqual(out('b c\n'));
    expect(await run("echo a,b,c | awk -F , '{print $NF}'")).toEqual(out('c\n'));
    expect(await run("printf 'x\\ny\\n' | awk 'BEGIN {print \"start\"} !/x/; END {print NR}'")).toEqual(out('start\ny\n2\n'));
  });

  it('reports unsupported programs as gawk syntax errors, and usage errors', async () => {
    expect(await run("echo x | awk '{x = 1}'")).toEqual(err('awk: cmd. line:1: {x = 1}\nawk: cmd. line:1:    ^ syntax error\n', 1));
    expect(await run("echo x | awk '{print $1'")).toEqual(err('awk: cmd. line:1: {print $1\nawk: cmd. line:1:          ^ syntax error\n', 1));
    expect((await run('awk')).stderr).toBe(
      "Usage: awk [POSIX or GNU style options] -f progfile [--] file ...\nUsage: awk [POSIX or GNU style options] [--] 'program' file ...\n",
    );
    expect((await run('awk --help')).stdout).toContain("kubectl get svc -A | awk '{print $1, $5}'");
  });
});

describe('cut, sort, uniq, tr, grep', () => {
  it('cut -d -f and -c, with the GNU errors', async () => {
    expect(await run('echo a,b,c | cut -d , -f 1,3')).toEqual(out('a,c\n'));
    expect(await run('echo a,b,c | cut -d, -f2-')).toEqual(out('b,c\n'));
    expect(await run('echo abcdef | cut -c 2-4')).toEqual(out('bcd\n'));
    expect(await run('echo abc | cut -d , -f 2')).toEqual(out('abc\n'));
    expect(await run('echo a | cut')).toEqual(err("cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n", 1));
    expect(await run('echo a | cut -d ab -f 1')).toEqual(err("cut: the delimiter must be a single character\nTry 'cut --help' for more information.\n", 1));
    expect(await run('echo a | cut -f 0')).toEqual(err("cut: fields are numbered from 1\nTry 'cut --help' for more information.\n", 1));
    expect(await run('echo a | cut -x')).toEqual(err("cut: invalid option -- 'x'\nTry 'cut --help' for more information.\n", 1));
  });

  it('sort -k -n -r -u -t', async () => {
    expect(await run("printf 'b 2\\na 10\\nc 1\\n' | sort -k2 -n")).toEqual(out('c 1\nb 2\na 10\n'));
    expect(await run("printf 'b 2\\na 10\\nc 1\\n' | sort -rk2,2n")).toEqual(out('a 10\nb 2\nc 1\n'));
    expect(await run("printf 'x:2\\ny:1\\nz:2\\n' | sort -t : -k 2 -u")).toEqual(out('y:1\nx:2\n'));
    expect(await run("printf 'b\\na\\nb\\n' | sort -u")).toEqual(out('a\nb\n'));
    expect(await run('sort -q')).toEqual(err("sort: invalid option -- 'q'\nTry 'sort --help' for more information.\n", 2));
  });

  it('uniq -c -d -u', async () => {
    expect(await run("printf 'a\\na\\nb\\n' | uniq -c")).toEqual(out('      2 a\n      1 b\n'));
    expect(await run("printf 'a\\na\\nb\\n' | uniq -d")).toEqual(out('a\n'));
    expect(await run("printf 'a\\na\\nb\\n' | uniq -u")).toEqual(out('b\n'));
  });

  it('tr translates, deletes, squeezes', async () => {
    expect(await run('echo hello | tr a-z A-Z')).toEqual(out('HELLO\n'));
    expect(await run("echo hello | tr '[:lower:]' '[:upper:]'")).toEqual(out('HELLO\n'));
    expect(await run('echo hello | tr -d l')).toEqual(out('heo\n'));
    expect(await run("echo 'a   b' | tr -s ' '")).toEqual(out('a b\n'));
    expect(await run('echo hello | tr l')).toEqual(
      err("tr: missing operand after 'l'\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n", 1),
    );
  });

  it('grep -i -v -E -c -o', async () => {
    const sb = await cluster();
    expect(await sb.exec('kubectl get svc -A | grep -i LOADBALANCER | wc -l')).toEqual(out('1\n'));
    expect(await sb.exec('kubectl get svc -A | grep -v kube-system | grep -c default')).toEqual(out('2\n'));
    expect(await sb.exec("kubectl get svc -A | grep -E 'kube-dns|metrics' | awk '{print $2}'")).toEqual(out('kube-dns\nmetrics-server\n'));
    expect(await sb.exec("kubectl get svc -A | grep -oE '[0-9]+/TCP' | sort -u")).toEqual(out('31347/TCP\n443/TCP\n53/TCP\n'));
  });
});

describe('jq', () => {
  it('paths, iteration, -r, length, keys, select', async () => {
    const sb = await cluster();
    const ip = (await sb.exec("kubectl get svc web -o jsonpath='{.status.loadBalancer.ingress[0].ip}'")).stdout;
    expect(await sb.exec("kubectl get svc -o json | jq -r '.items[].metadata.name'")).toEqual(out('kubernetes\nweb\n'));
    expect(await sb.exec("kubectl get svc -o json | jq '.items | length'")).toEqual(out('2\n'));
    expect(await sb.exec(`kubectl get svc -A -o json | jq -r '.items[] | select(.spec.type == "LoadBalancer") | .status.loadBalancer.ingress[0].ip'`)).toEqual(
      out(`${ip}\n`),
    );
    expect(await sb.exec("kubectl get svc web -o json | jq '.spec.ports[0]'")).toEqual(
      out('{\n  "nodePort": 31347,\n  "port": 80,\n  "protocol": "TCP",\n  "targetPort": 80\n}\n'),
    );
    expect(await sb.exec("kubectl get svc web -o json | jq -c '.spec.selector | keys'")).toEqual(out('["app"]\n'));
    expect(await sb.exec('kubectl get svc web -o json | jq .metadata.name')).toEqual(out('"web"\n'));
    expect(await run(`echo '{"a":[1,2,3]}' | jq -c '.a[1], .a[-1], [.a[] | select(. > 1)]'`)).toEqual(out('2\n3\n[2,3]\n'));
  });

  it('fails the way jq 1.7 fails', async () => {
    expect(await run(`echo '{"a":1}' | jq '.a.b'`)).toEqual(err('jq: error (at <stdin>:1): Cannot index number with "b"\n', 5));
    expect(await run(`echo '{"a":1}' | jq 'foo'`)).toEqual(err('jq: error: foo/0 is not defined at <top-level>, line 1:\nfoo\njq: 1 compile error\n', 3));
    expect(await run(`echo '{"a":1}' | jq '.[] | .x'`)).toEqual(err('jq: error (at <stdin>:1): Cannot index number with "x"\n', 5));
    expect(await run(`echo 'nope' | jq .`)).toEqual(err('jq: parse error: Invalid literal at line 1, column 1\n', 2));
    expect((await run('jq --help')).stdout).toContain("This lab's jq is a subset");
  });
});

describe('variables into curl', () => {
  it('IP=$(kubectl … -o jsonpath=…) then curl http://$IP', async () => {
    const sb = await cluster();
    expect(await sb.exec("IP=$(kubectl get svc web -o jsonpath='{.status.loadBalancer.ingress[0].ip}')")).toEqual(out(''));
    const ip = (await sb.exec('echo $IP')).stdout.trim();
    expect(ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(await sb.exec('curl -s http://$IP | head -4')).toEqual(out('<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n'));
    expect((await sb.exec('curl -sI "http://$IP/"')).stdout.split('\n')[0]).toBe('HTTP/1.1 200 OK');
  });
});

describe('watch and history', () => {
  it('prints one screen per interval on virtual time and stops once the output is stable', async () => {
    const sb = await cluster();
    const t0 = sb.clock.now();
    const r = await sb.exec('watch -n 5 kubectl get deploy web -o name');
    const screens = r.stdout.split('\n\n');
    expect(r.exitCode).toBe(0);
    expect(r.stdout.split('\n').slice(0, 3)).toEqual([
      'Every 5.0s: kubectl get deploy web -o name'.padEnd(51) + 'lab: Mon Jun  2 09:00:08 2025',
      '',
      'deployment.apps/web',
    ]);
    expect(screens.length).toBe(6); // 3 screens: header + body each
    expect(sb.clock.now() - t0).toBe(10_000);
  });

  it('stops after 30 screens when the output keeps changing; -g stops at the first change', async () => {
    const sb = await cluster();
    const t0 = sb.clock.now();
    const r = await sb.exec('watch -t kubectl get svc web');
    expect(r.stdout.match(/^NAME/gm)).toHaveLength(30);
    expect(sb.clock.now() - t0).toBe(58_000);
    const g = await sb.exec('watch -g -t kubectl get svc web');
    expect(g.stdout.match(/^NAME/gm)).toHaveLength(2);
  });

  it('bad usage', async () => {
    expect(await run('watch -n x ls')).toEqual(err("watch: failed to parse argument: 'x'\n", 1));
    expect(await run('watch')).toEqual(err('Usage:\n watch [options] command\n\nFor more details see watch(1).\n', 1));
    expect((await run('watch --help')).stdout).toContain('stops when the output has not changed for 2 intervals');
  });

  it('history lists the lines typed', async () => {
    const sb = createSandbox();
    await sb.exec('echo a | tr a b');
    expect(await sb.exec('history')).toEqual(out('    1  echo a | tr a b\n    2  history\n'));
  });
});
