/**
 * The Service annotations the Azure cloud provider honours, with what each does, for editor
 * completion and hover. Source: docs/…/aks-networking reference §5 (cloud-provider-azure consts).
 */
export interface AnnotationDoc {
  key: string;
  description: string;
  examples?: string[];
}

const P = 'service.beta.kubernetes.io/';

export const AZURE_SERVICE_ANNOTATIONS: AnnotationDoc[] = [
  { key: `${P}azure-load-balancer-internal`, description: 'Exactly "true": use the internal load balancer `kubernetes-internal` with a private frontend IP from the subnet; no Public IP is created.', examples: ['true'] },
  { key: `${P}azure-load-balancer-internal-subnet`, description: 'Subnet (in the cluster VNet) for the internal frontend IP. Adds `-<subnet>` to the frontend and rule names. Ignored unless the Service is internal.', examples: ['aks-subnet'] },
  { key: `${P}azure-pip-name`, description: 'Use this existing Public IP resource (by name, in the Public IP resource group) instead of creating `kubernetes-a…`. A user-created Public IP is never deleted by the cloud provider.', examples: ['myAKSPublicIP'] },
  { key: `${P}azure-load-balancer-resource-group`, description: 'Resource group in which the Public IP is looked up or created (default: the node resource group). The cluster identity needs Network Contributor there.', examples: ['myResourceGroup'] },
  { key: `${P}azure-load-balancer-ipv4`, description: 'Requested frontend IPv4 address. Public: an existing Public IP with this address must exist in the Public IP resource group. Internal: used as a static private IP. Takes precedence over the deprecated spec.loadBalancerIP.', examples: ['20.62.146.49'] },
  { key: `${P}azure-dns-label-name`, description: 'DNS label on the Service Public IP: the FQDN becomes `<label>.<region>.cloudapp.azure.com`. An empty value removes it.', examples: ['myapp'] },
  { key: `${P}azure-pip-tags`, description: 'Extra tags for a Public IP the cloud provider manages, as `key1=value1,key2=value2`.', examples: ['env=dev,team=web'] },
  { key: `${P}azure-pip-ip-tags`, description: 'IP tags for a new Public IP, e.g. `RoutingPreference=Internet`.', examples: ['RoutingPreference=Internet'] },
  { key: `${P}azure-pip-prefix-id`, description: 'Create the managed Public IP from this Public IP Prefix (resource ID); the Public IP name gets `-<prefixName>`.' },
  { key: `${P}azure-load-balancer-tcp-idle-timeout`, description: 'TCP idle timeout of the load-balancing rules, in minutes (4–100; default 4).', examples: ['4', '10', '30'] },
  { key: `${P}azure-load-balancer-disable-tcp-reset`, description: '"true" turns TCP reset off on the rules (it is on by default on a Standard load balancer).', examples: ['true'] },
  { key: `${P}azure-load-balancer-health-probe-protocol`, description: 'Health probe protocol for every port: Tcp, Http or Https (default Tcp; spec.ports[].appProtocol wins over this).', examples: ['Tcp', 'Http', 'Https'] },
  { key: `${P}azure-load-balancer-health-probe-request-path`, description: 'Request path of Http/Https health probes (default `/`).', examples: ['/healthz'] },
  { key: `${P}azure-load-balancer-health-probe-interval`, description: 'Seconds between probes (at least 5; interval × number of probes must stay under 120).', examples: ['5'] },
  { key: `${P}azure-load-balancer-health-probe-num-of-probe`, description: 'Consecutive failures before a node is taken out of rotation (at least 2).', examples: ['2'] },
  { key: `${P}azure-load-balancer-enable-high-availability-ports`, description: 'Internal Standard load balancer only: one HA-ports rule (protocol All, all ports) instead of one rule per port.', examples: ['true'] },
  { key: `${P}azure-disable-load-balancer-floating-ip`, description: '"true": rules send traffic to the nodePort instead of the service port (floating IP off); NSG rules then target node IPs.', examples: ['true'] },
  { key: `${P}azure-allowed-service-tags`, description: 'Comma-separated Azure service tags allowed in by the NSG instead of `Internet`, one rule per tag.', examples: ['AzureFrontDoor.Backend'] },
  { key: `${P}azure-allowed-ip-ranges`, description: 'Source CIDRs allowed by the NSG only. Cannot be combined with spec.loadBalancerSourceRanges.', examples: ['203.0.113.0/24'] },
  { key: `${P}azure-deny-all-except-load-balancer-source-ranges`, description: '"true": add a deny-all inbound NSG rule for the Service IP, so only the source ranges get in (VNet traffic too).', examples: ['true'] },
  { key: `${P}azure-disable-load-balancer-nsg-rule`, description: '"true": the cloud provider leaves the NSG alone for this Service.', examples: ['true'] },
  { key: `${P}azure-additional-public-ips`, description: 'Extra IPs written to status.loadBalancer.ingress and the NSG destinations (not configured on the load balancer).' },
  { key: `${P}azure-shared-securityrule`, description: 'Legacy (cloud provider ≤ v1.28): share NSG rules between Services. No effect on Kubernetes 1.29 and later.', examples: ['true'] },
  { key: `${P}azure-load-balancer-mode`, description: 'Basic SKU only; ignored on AKS Standard load balancers.' },
  { key: `${P}azure-pls-create`, description: '"true": create a Private Link Service on the internal frontend.', examples: ['true'] },
];
