import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AZURE_SERVICE_ANNOTATIONS } from '../../../src/reference/azure-annotations';
import { A } from '../../../src/sim/cloud-provider/annotations';

describe('the annotation reference tells the truth about the simulator', () => {
  const simulatedKeys = new Set(Object.values(A));

  it('lists every annotation the simulated cloud provider reads, as simulated', () => {
    for (const key of simulatedKeys) {
      const doc = AZURE_SERVICE_ANNOTATIONS.find((a) => a.key === key);
      expect(doc, key).toBeDefined();
      expect(doc!.simulated, key).toBe(true);
    }
  });

  it('marks as simulated only what the simulator reads', () => {
    for (const doc of AZURE_SERVICE_ANNOTATIONS.filter((a) => a.simulated)) expect(simulatedKeys.has(doc.key), doc.key).toBe(true);
  });

  it('has both languages for every entry, no duplicates, and links only to lessons that exist', () => {
    const lessons = new Set(readdirSync('content/lessons/en').map((f) => f.replace(/\.mdx$/, '')));
    const keys = AZURE_SERVICE_ANNOTATIONS.map((a) => a.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const doc of AZURE_SERVICE_ANNOTATIONS) {
      expect(doc.description.length, doc.key).toBeGreaterThan(10);
      expect(doc.ko, doc.key).toMatch(/[가-힣]/);
      if (doc.lesson) expect(lessons.has(doc.lesson), `${doc.key} → ${doc.lesson}`).toBe(true);
    }
  });
});
