import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_OPTIONS, parseSandboxOptions } from '../../../src/lab/sandbox-options';

describe('sandbox page options from the URL', () => {
  it('reads valid values', () => {
    expect(parseSandboxOptions('?outboundType=managedNATGateway&outboundIPs=3&k8s=1.28&nodes=5&plugin=kubenet')).toEqual({
      outboundType: 'managedNATGateway',
      managedOutboundIPCount: 3,
      kubernetesVersion: '1.28',
      nodeCount: 5,
      networkPlugin: 'kubenet',
    });
  });
  it('falls back to AKS defaults for anything unexpected', () => {
    expect(parseSandboxOptions('?outboundType=<script>&outboundIPs=101&k8s=9.99&nodes=-1&plugin=x')).toEqual(DEFAULT_PAGE_OPTIONS);
    expect(parseSandboxOptions('?outboundIPs=1e3&nodes=03.5')).toEqual(DEFAULT_PAGE_OPTIONS);
    expect(parseSandboxOptions('')).toEqual(DEFAULT_PAGE_OPTIONS);
  });
});
