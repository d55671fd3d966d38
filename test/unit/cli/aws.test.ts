/** `aws` in an EKS sandbox, from the outside (sandbox.exec), and in sandboxes of other clouds. */
import { beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../../../src/sim/index';

const SERVICES = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: LoadBalancer
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]
---
apiVersion: v1
kind: Service
metadata:
  name: nlb
  annotations: {service.beta.kubernetes.io/aws-load-balancer-type: nlb}
spec:
  type: LoadBalancer
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]
`;

let sb: Sandbox;
const run = (line: string) => sb.exec(line);
const json = async (line: string) => {
  const r = await run(line);
  expect(r.stderr).toBe('');
  expect(r.exitCode).toBe(0);
  return JSON.parse(r.stdout);
};

beforeAll(async () => {
  sb = createSandbox({ cloud: 'eks' });
  await sb.cloud.ready;
  await sb.exec(`cat > s.yaml <<'EOF'\n${SERVICES}EOF`);
  await sb.exec('kubectl apply -f s.yaml');
  // A minute in: both load balancers exist, the NLB still provisions (it takes 150 s).
  await sb.advance(60_000);
});

const hostOf = async (name: string) => (await json(`kubectl get svc ${name} -o json`)).status.loadBalancer.ingress[0].hostname as string;

describe('aws elbv2', () => {
  it('describe-load-balancers lists the NLB whose DNS name kubectl shows as EXTERNAL-IP', async () => {
    const host = await hostOf('nlb');
    const out = await json('aws elbv2 describe-load-balancers');
    expect(out.LoadBalancers).toHaveLength(1);
    const lb = out.LoadBalancers[0];
    expect(lb.DNSName).toBe(host);
    expect(Object.keys(lb).slice(0, 6)).toEqual(['LoadBalancerArn', 'DNSName', 'CanonicalHostedZoneId', 'CreatedTime', 'LoadBalancerName', 'Scheme']);
    expect(lb.Type).toBe('network');
    expect(lb.CreatedTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$/);
    expect((await run('kubectl get svc nlb')).stdout).toContain(host);
    // 4-space JSON as aws prints it.
    expect((await run('aws elbv2 describe-load-balancers')).stdout).toMatch(/^\{\n {4}"LoadBalancers": \[\n {8}\{/);
  });

  it('--names / --load-balancer-arns select; unknown ones are LoadBalancerNotFound (exit 254)', async () => {
    const [lb] = (await json('aws elbv2 describe-load-balancers')).LoadBalancers;
    expect((await json(`aws elbv2 describe-load-balancers --names ${lb.LoadBalancerName}`)).LoadBalancers[0].LoadBalancerArn).toBe(lb.LoadBalancerArn);
    expect((await json(`aws elbv2 describe-load-balancers --load-balancer-arns ${lb.LoadBalancerArn}`)).LoadBalancers).toHaveLength(1);
    const r = await run('aws elbv2 describe-load-balancers --names nope other');
    expect(r).toEqual({
      stdout: '',
      stderr: "\nAn error occurred (LoadBalancerNotFound) when calling the DescribeLoadBalancers operation: Load balancers '[nope, other]' not found\n",
      exitCode: 254,
    });
  });

  it('--query (JMESPath) and --output text/table/yaml', async () => {
    const host = await hostOf('nlb');
    expect((await run("aws elbv2 describe-load-balancers --query 'LoadBalancers[0].DNSName' --output text")).stdout).toBe(`${host}\n`);
    expect((await run('aws elbv2 describe-load-balancers --query LoadBalancers[].State.Code')).stdout).toBe('[\n    "provisioning"\n]\n');
    const text = (await run('aws elbv2 describe-load-balancers --output text')).stdout.split('\n');
    expect(text[0].split('\t')[0]).toBe('LOADBALANCERS');
    expect(text[0].split('\t')).toContain(host);
    expect(text.filter((l) => l.startsWith('AVAILABILITYZONES\t'))).toHaveLength(3);
    expect(text).toContain('STATE\tprovisioning');
    const table = (await run('aws elbv2 describe-load-balancers --output table')).stdout.split('\n');
    expect(table[0]).toMatch(/^-+$/);
    expect(table[1]).toMatch(/^\|\s+DescribeLoadBalancers\s+\|$/);
    expect(table.some((l) => /^\|\|\s+LoadBalancers\s+\|\|$/.test(l))).toBe(true);
    expect(table.some((l) => l.includes(`|  ${host}`))).toBe(true);
    // Every line is as wide as the first (boxes close).
    expect(new Set(table.filter(Boolean).map((l) => l.length)).size).toBe(1);
    expect((await run('aws elbv2 describe-load-balancers --output yaml')).stdout).toMatch(/^LoadBalancers:\n- LoadBalancerArn: arn:aws:elasticloadbalancing:/);
  });

  it('"Skip waits" (settle) runs the clock until the NLB is active and its targets healthy', async () => {
    const other = createSandbox({ cloud: 'eks' });
    await other.exec('kubectl apply -f -', { stdin: SERVICES });
    await other.settle();
    const state = await other.exec('aws elbv2 describe-load-balancers --query LoadBalancers[0].State.Code --output text');
    expect(state).toEqual({ stdout: 'active\n', stderr: '', exitCode: 0 });
    const tg = JSON.parse((await other.exec('aws elbv2 describe-target-groups')).stdout).TargetGroups[0];
    const health = JSON.parse((await other.exec(`aws elbv2 describe-target-health --target-group-arn ${tg.TargetGroupArn}`)).stdout);
    expect(health.TargetHealthDescriptions.map((t: { TargetHealth: { State: string } }) => t.TargetHealth.State)).toEqual(['healthy', 'healthy', 'healthy']);
  });

  it('the NLB goes active after provisioning; targets turn healthy', async () => {
    const [tg] = (await json('aws elbv2 describe-target-groups')).TargetGroups;
    expect(tg.TargetGroupName).toMatch(/^k8s-default-nlb-[0-9a-f]{10}$/);
    const health = await json(`aws elbv2 describe-target-health --target-group-arn ${tg.TargetGroupArn}`);
    expect(health.TargetHealthDescriptions[0].TargetHealth.State).toBe('initial');
    await sb.exec('sleep 200');
    expect((await run('aws elbv2 describe-load-balancers --query LoadBalancers[0].State.Code --output text')).stdout).toBe('active\n');
    const after = await json(`aws elbv2 describe-target-health --target-group-arn ${tg.TargetGroupArn}`);
    expect(after.TargetHealthDescriptions.map((t: { TargetHealth: { State: string } }) => t.TargetHealth.State)).toEqual(['healthy', 'healthy', 'healthy']);
  });

  it('describe-target-groups and describe-listeners by load balancer ARN', async () => {
    const [lb] = (await json('aws elbv2 describe-load-balancers')).LoadBalancers;
    const tgs = (await json(`aws elbv2 describe-target-groups --load-balancer-arn ${lb.LoadBalancerArn}`)).TargetGroups;
    expect(tgs).toHaveLength(1);
    expect(tgs[0]).toMatchObject({ Protocol: 'TCP', TargetType: 'instance', HealthCheckPort: 'traffic-port', LoadBalancerArns: [lb.LoadBalancerArn] });
    const nodePort = (await json('kubectl get svc nlb -o json')).spec.ports[0].nodePort;
    expect(tgs[0].Port).toBe(nodePort);
    const ls = (await json(`aws elbv2 describe-listeners --load-balancer-arn ${lb.LoadBalancerArn}`)).Listeners;
    expect(ls).toHaveLength(1);
    expect(ls[0]).toMatchObject({ Port: 80, Protocol: 'TCP', DefaultActions: [{ Type: 'forward', TargetGroupArn: tgs[0].TargetGroupArn }] });
    expect(await run('aws elbv2 describe-listeners')).toMatchObject({ exitCode: 254, stderr: expect.stringContaining('(ValidationError)') });
    expect(await run('aws elbv2 describe-target-groups --names nope')).toMatchObject({
      exitCode: 254,
      stderr: expect.stringContaining('(TargetGroupNotFound)'),
    });
    const bogusArn = lb.LoadBalancerArn.replace(/\/[0-9a-f]{16}$/, '/0000000000000000');
    expect((await run(`aws elbv2 describe-listeners --load-balancer-arn ${bogusArn}`)).stderr).toBe(
      `\nAn error occurred (LoadBalancerNotFound) when calling the DescribeListeners operation: Load balancer '${bogusArn}' not found\n`,
    );
  });

  it('another --region sees no load balancers', async () => {
    expect((await run('aws elbv2 describe-load-balancers --region eu-west-1')).stdout).toBe('{\n    "LoadBalancers": []\n}\n');
  });
});

describe('aws elb (Classic)', () => {
  it('describe-load-balancers shows the CLB behind Service web', async () => {
    const host = await hostOf('web');
    const out = await json('aws elb describe-load-balancers');
    expect(out.LoadBalancerDescriptions).toHaveLength(1);
    const lb = out.LoadBalancerDescriptions[0];
    expect(lb.DNSName).toBe(host);
    expect(lb.ListenerDescriptions[0].Listener).toMatchObject({ Protocol: 'TCP', LoadBalancerPort: 80, InstanceProtocol: 'TCP' });
    expect(lb.SourceSecurityGroup.GroupName).toBe(`k8s-elb-${lb.LoadBalancerName}`);
    expect((await json(`aws elb describe-load-balancers --load-balancer-names ${lb.LoadBalancerName}`)).LoadBalancerDescriptions).toHaveLength(1);
    expect(await run('aws elb describe-load-balancers --load-balancer-names nope')).toEqual({
      stdout: '',
      stderr: "\nAn error occurred (LoadBalancerNotFound) when calling the DescribeLoadBalancers operation: There is no ACTIVE Load Balancer named 'nope'\n",
      exitCode: 254,
    });
  });
});

describe('aws ec2', () => {
  it('describe-security-groups with --filters and --group-ids', async () => {
    const [clb] = (await json('aws elb describe-load-balancers')).LoadBalancerDescriptions;
    const out = await json(`aws ec2 describe-security-groups --filters Name=group-name,Values=k8s-elb-*`);
    expect(out.SecurityGroups.map((g: { GroupName: string }) => g.GroupName)).toEqual([`k8s-elb-${clb.LoadBalancerName}`]);
    const sg = out.SecurityGroups[0];
    expect(sg.IpPermissions.map((p: { IpProtocol: string }) => p.IpProtocol).sort()).toEqual(['icmp', 'tcp']);
    expect((await json(`aws ec2 describe-security-groups --group-ids ${sg.GroupId}`)).SecurityGroups[0].GroupId).toBe(sg.GroupId);
    const json2 = await json(`aws ec2 describe-security-groups --filters '[{"Name":"group-id","Values":["${sg.GroupId}"]}]'`);
    expect(json2.SecurityGroups).toHaveLength(1);
    expect((await run('aws ec2 describe-security-groups --group-ids sg-0123456789abcdef0')).stderr).toBe(
      "\nAn error occurred (InvalidGroup.NotFound) when calling the DescribeSecurityGroups operation: The security group 'sg-0123456789abcdef0' does not exist\n",
    );
    expect((await run('aws ec2 describe-security-groups --group-ids bogus')).stderr).toContain('(InvalidGroupId.Malformed)');
    expect((await run('aws ec2 describe-security-groups --filters Name=nope,Values=x')).stderr).toContain("The filter 'nope' is invalid");
    expect(await run('aws ec2 describe-security-groups --filters nonsense')).toMatchObject({
      exitCode: 252,
      stderr: expect.stringContaining("Error parsing parameter '--filters'"),
    });
    const rows = (await run(`aws ec2 describe-security-groups --group-ids ${sg.GroupId} --query 'SecurityGroups[].[GroupId,GroupName]' --output text`)).stdout;
    expect(rows).toBe(`${sg.GroupId}\tk8s-elb-${clb.LoadBalancerName}\n`);
  });

  it('describe-instances, describe-nat-gateways, describe-addresses: the egress IP is the NAT gateway EIP', async () => {
    const inst = await json('aws ec2 describe-instances');
    expect(inst.Reservations).toHaveLength(3);
    const nat = await json('aws ec2 describe-nat-gateways');
    const eip = nat.NatGateways[0].NatGatewayAddresses[0].PublicIp;
    expect(eip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect((await json('aws ec2 describe-addresses')).Addresses[0].PublicIp).toBe(eip);
  });
});

describe('aws usage errors and help', () => {
  it('unknown operation: usage and the choices, exit 252', async () => {
    const r = await run('aws elbv2 describe-load-balancer');
    expect(r.exitCode).toBe(252);
    expect(r.stderr).toMatch(/^\nusage: aws \[options\] <command> <subcommand> \[<subcommand> \.\.\.\] \[parameters\]\nTo see help text, you can run:\n/);
    expect(r.stderr).toContain(
      '\naws: error: argument operation: Invalid choice, valid choices are:\n\nadd-listener-certificates                | add-tags                                \n',
    );
    expect(r.stderr).toContain("Invalid choice: 'describe-load-balancer', maybe you meant:\n\n  * describe-load-balancers");
  });

  it('unknown service, missing operation, unknown option, bad --output', async () => {
    expect((await run('aws elbx describe-load-balancers')).stderr).toContain('aws: error: argument command: Invalid choice, valid choices are:');
    expect((await run('aws elbv2')).stderr).toContain('aws: error: the following arguments are required: operation');
    expect((await run('aws')).stderr).toContain('aws: error: the following arguments are required: command');
    const r = await run('aws elbv2 describe-load-balancers --bogus 1');
    expect(r).toMatchObject({ exitCode: 252, stderr: expect.stringContaining('\nUnknown options: --bogus, 1\n') });
    expect((await run('aws elbv2 describe-load-balancers --output xml')).stderr).toContain('argument --output: Invalid choice, valid choices are:');
    expect((await run('aws elbv2 describe-load-balancers --names')).stderr).toContain('argument --names: expected at least one argument');
    expect(await run("aws elbv2 describe-load-balancers --query 'LoadBalancers[0'")).toMatchObject({
      exitCode: 252,
      stderr: expect.stringContaining('Bad value for --query LoadBalancers[0'),
    });
  });

  it("a bad --query is refused in the AWS CLI's words (Python jmespath's), never the JS parser's", async () => {
    const refused = async (query: string) => {
      const r = await run(`aws elbv2 describe-load-balancers --query '${query}'`);
      expect([r.exitCode, r.stdout]).toEqual([252, '']);
      expect(r.stderr).not.toContain('NaN');
      return r.stderr;
    };
    // A newline and a `-` that starts no number: the JS lexer read `--` as the number NaN.
    expect(await refused('LoadBalancers[0]\n--')).toBe(
      `\nBad value for --query LoadBalancers[0]\n--: Bad jmespath expression: Unknown token '-':\nLoadBalancers[0]\n--\n${' '.repeat(17)}^\n`,
    );
    // The classic slip of one `=` (the JS library would take it for a let binding).
    expect(await refused('LoadBalancers[?Type=`network`].DNSName')).toBe(
      `\nBad value for --query LoadBalancers[?Type=\`network\`].DNSName: Bad jmespath expression: Unknown token '=':\nLoadBalancers[?Type=\`network\`].DNSName\n${' '.repeat(19)}^\n`,
    );
    expect(await refused('LoadBalancers[0')).toBe(
      `\nBad value for --query LoadBalancers[0: Invalid jmespath expression: Incomplete expression:\n"LoadBalancers[0"\n${' '.repeat(16)}^\n`,
    );
    expect(await refused('LoadBalancers[0] DNSName')).toBe(
      `\nBad value for --query LoadBalancers[0] DNSName: Unexpected token: DNSName: Parse error at column 17, token "DNSName" (UNQUOTED_IDENTIFIER), for expression:\n"LoadBalancers[0] DNSName"\n${' '.repeat(18)}^\n`,
    );
    // An identifier that happens to be called EOF is a token like any other.
    expect(await refused('LoadBalancers EOF')).toContain('Unexpected token: EOF: Parse error at column 14, token "EOF" (UNQUOTED_IDENTIFIER)');
    // Python lexes `1-2` as two numbers; the JS lexer would have read `1` and gone on.
    expect(await refused('LoadBalancers[1-2]')).toContain('Expecting: rbracket, got: number: Parse error at column 15, token "-2" (NUMBER)');
    expect(await refused('LoadBalancers[].State.')).toContain(
      "Expecting: ['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace'], got: eof: Parse error at column 22",
    );
    expect(await refused('')).toBe('\nBad value for --query : Invalid JMESPath expression: cannot be empty.\n');
    // JEP-12's deprecated bare literal still works in the AWS CLI (and in its documentation's examples).
    expect((await run("aws elbv2 describe-load-balancers --query 'LoadBalancers[?Type==`network`].Type' --output text")).stdout).toBe('network\n');
  });

  it("--query runs with Python jmespath's functions and words: no lower(), arity as Python says it", async () => {
    expect(await run("aws elbv2 describe-load-balancers --query 'LoadBalancers[].lower(Type)'")).toMatchObject({
      exitCode: 255,
      stdout: '',
      stderr: '\nUnknown function: lower()\n',
    });
    // As in Python, the error comes with the call: a projection over nothing calls nothing.
    expect((await run("aws elbv2 describe-load-balancers --query 'LoadBalancers[?Type==`none`].lower(Type)'")).stdout).toBe('[]\n');
    expect(await run("aws elbv2 describe-load-balancers --query 'length(LoadBalancers, @)'")).toMatchObject({
      exitCode: 255,
      stderr: '\nExpected 1 argument for function length(), received 2\n',
    });
    expect((await run("aws elbv2 describe-load-balancers --query 'not_null()'")).stderr).toBe(
      '\nExpected at least 1 argument for function not_null(), received 0\n',
    );
  });

  it('help, --version', async () => {
    expect((await run('aws --version')).stdout).toMatch(/^aws-cli\/2\.\d+\.\d+ Python\//);
    expect((await run('aws elbv2 describe-load-balancers help')).stdout).toContain('--names <value> [<value>...]');
    expect((await run('aws elbv2 help')).stdout).toContain('describe-target-groups');
  });

  it('hostile input never crashes', async () => {
    for (const line of [
      'aws elbv2 describe-load-balancers --query "$(printf %0500d 0)"',
      `aws ${'x'.repeat(5000)}`,
      'aws ec2 describe-security-groups --filters "[{"',
      "aws ec2 describe-security-groups --filters '[1,2]'",
      "aws ec2 describe-security-groups --filters 'Name=group-name,Values=[(*'",
      'aws elbv2 describe-load-balancers --query "length(@)" --output table',
      'aws elbv2 describe-load-balancers --query "@" --output text --region',
      'aws --output',
      'aws ec2 describe-security-groups --output table --query "SecurityGroups[0].IpPermissions[0]"',
    ]) {
      const r = await run(line);
      expect(r.stderr + r.stdout).not.toMatch(/undefined|\[object Object\]|TypeError|Cannot read/);
    }
  });
});

describe('aws outside EKS', () => {
  it('answers as a machine without AWS credentials (after parsing the line)', async () => {
    const aks = createSandbox();
    expect(await aks.exec('aws elbv2 describe-load-balancers')).toEqual({
      stdout: '',
      stderr: '\nUnable to locate credentials. You can configure credentials by running "aws configure".\n',
      exitCode: 253,
    });
    expect((await aks.exec('aws elbv2 nope')).exitCode).toBe(252);
    expect((await aks.exec('aws --version')).exitCode).toBe(0);
  });
});
