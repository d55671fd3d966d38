/** The CLI is driven exactly as the outside suite drives it: through `sandbox.exec`. */
import { createSandbox, type SandboxOptions } from '../../../src/sim/index';

export function sandbox(options: SandboxOptions = {}) {
  return createSandbox(options);
}

export const NODE_RG = 'MC_myResourceGroup_myAKSCluster_eastus';

export const WEB_LB = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: LoadBalancer
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 8080
`;

/** Lines of stdout, for assertions on exact rows. */
export const lines = (s: string) => s.replace(/\n$/, '').split('\n');
