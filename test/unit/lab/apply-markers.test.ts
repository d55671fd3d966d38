import { describe, expect, it } from 'vitest';
import { markersFromApply, parseFieldPath } from '../../../src/lab/editor/apply-markers';

const svc = `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: qa
spec:
  type: LoadBalancer
  ports:
  - port: 0
    targetPort: 80
  selector:
    app: web
`;

describe('markers from kubectl apply errors', () => {
  it('parses field paths with indexes', () => {
    expect(parseFieldPath('spec.ports[0].port')).toEqual(['spec', 'ports', 0, 'port']);
  });

  it('puts an API validation error on the field it names', () => {
    const m = markersFromApply(svc, 'The Service "web" is invalid: spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive\n');
    expect(m).toHaveLength(1);
    expect(m[0]!.startLineNumber).toBe(9);
    expect(m[0]!.message).toContain('must be between 1 and 65535');
  });

  it('marks a YAML syntax error at the reported line', () => {
    const m = markersFromApply('a: b\nc: [\n', 'error: error parsing STDIN: error converting YAML to JSON: yaml: line 2: did not find expected node content\n');
    expect(m.map((x) => x.startLineNumber)).toEqual([2]);
  });

  it('marks an unknown field at its key, in the right document of several', () => {
    const text = `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: qa\n---\n${svc.replace('  selector:', '  selectr:')}`;
    const m = markersFromApply(
      text,
      'Error from server (BadRequest): error when creating "STDIN": Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.selectr"\n',
    );
    expect(m).toHaveLength(1);
    expect(m[0]!.startLineNumber).toBe(5 + 11);
    expect(m[0]!.message).toBe('unknown field "spec.selectr"');
  });

  it('marks the namespace line when the namespace does not exist', () => {
    const m = markersFromApply(svc, 'Error from server (NotFound): error when creating "STDIN": namespaces "qa" not found\n');
    expect(m[0]!.startLineNumber).toBe(5);
  });

  it('marks apiVersion for an unknown kind', () => {
    const text = 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n';
    const m = markersFromApply(
      text,
      'error: resource mapping not found for name: "w" namespace: "" from "STDIN": no matches for kind "Widget" in version "example.com/v1"\n',
    );
    expect(m[0]!.startLineNumber).toBe(1);
  });

  it('returns nothing for success output', () => {
    expect(markersFromApply(svc, '')).toEqual([]);
  });
});
