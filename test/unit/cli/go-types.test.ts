/**
 * The decoder's Go type names come from go-types.json, a description-free copy of the explain
 * data's field types (so the explain text loads lazily). Both are written by generate.mjs; this
 * keeps them from drifting apart when one is edited by hand.
 */
import { describe, expect, it } from 'vitest';
import explainData from '../../../src/cli/kubectl/explain/explain-data.json';
import goTypes from '../../../src/cli/kubectl/explain/go-types.json';

type Field = { name: string; type: string; ref?: string };

describe('go-types.json', () => {
  it('has exactly the names, types and refs of every explain type field', () => {
    const types = (explainData as unknown as { types: Record<string, { fields?: Field[] }> }).types;
    const expected: Record<string, { fields: Field[] }> = {};
    for (const [name, t] of Object.entries(types)) {
      if (t.fields) expected[name] = { fields: t.fields.map((f) => (f.ref ? { name: f.name, type: f.type, ref: f.ref } : { name: f.name, type: f.type })) };
    }
    expect(goTypes).toEqual(expected);
    expect(Object.keys(expected).length).toBeGreaterThan(30);
  });
});
