/**
 * The commands the page asks a learner to run against a real cluster, and the ones a message
 * names when a paste was the wrong thing. `<node RG>` is filled in once the node resource group is known.
 */
export const NODE_RG_PLACEHOLDER = '<node-resource-group>';

export const COMMANDS = {
  nodeResourceGroup: 'az aks show -g <resource-group> -n <cluster> --query nodeResourceGroup -o tsv',
  services: 'kubectl get svc -A -o json',
  publicIps: `az network public-ip list -g ${NODE_RG_PLACEHOLDER} -o json`,
  loadBalancer: `az network lb show -g ${NODE_RG_PLACEHOLDER} -n kubernetes -o json`,
  internalLoadBalancer: `az network lb show -g ${NODE_RG_PLACEHOLDER} -n kubernetes-internal -o json`,
  cluster: 'az aks show -g <resource-group> -n <cluster> -o json',
  nsgs: `az network nsg list -g ${NODE_RG_PLACEHOLDER} -o json`,
  events: 'kubectl get events -A -o json',
} as const;

export type CommandKey = keyof typeof COMMANDS;

/** A command with the node resource group (and cluster) filled in when known. */
export function commandFor(key: CommandKey, known: { nodeResourceGroup?: string; resourceGroup?: string; name?: string } = {}): string {
  let c: string = COMMANDS[key];
  if (known.nodeResourceGroup) c = c.replace(NODE_RG_PLACEHOLDER, known.nodeResourceGroup);
  if (known.resourceGroup) c = c.replace('<resource-group>', known.resourceGroup);
  if (known.name) c = c.replace('<cluster>', known.name);
  return c;
}
