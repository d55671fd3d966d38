/** Moved to ../sha256.ts (shared with the AWS Load Balancer Controller's names). */
export { sha256 } from '../sha256';
