/** ARM errors with the real error codes and messages (domain reference §6.5 and §8). */
export class ArmError extends Error {
  constructor(
    /** HTTP status: 400, 403, 404, 409, 429 … */
    readonly statusCode: number,
    /** ARM error code: `PublicIPCountLimitReached` */
    readonly code: string,
    message: string,
    /** Seconds, for 429 throttling. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ArmError';
  }

  /** `{"error":{"code":…,"message":…}}` — the body `az` prints after `(Code) message`. */
  toJSON(): { error: { code: string; message: string } } {
    return { error: { code: this.code, message: this.message } };
  }
}

export const armErrors = {
  notFound: (type: string, name: string, rg: string) =>
    new ArmError(
      404,
      'ResourceNotFound',
      `The Resource '${type}/${name}' under resource group '${rg}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
    ),
  resourceGroupNotFound: (rg: string) => new ArmError(404, 'ResourceGroupNotFound', `Resource group '${rg}' could not be found.`),
  publicIpQuota: (limit: number, _location: string) =>
    new ArmError(400, 'PublicIPCountLimitReached', `Cannot create more than ${limit} public IP addresses for this subscription in this region.`, undefined),
  frontendLimit: (limit: number) =>
    new ArmError(400, 'LoadBalancerFrontendIPConfigurationCountLimitReached', `A load balancer cannot have more than ${limit} FrontendIPConfigurations.`),
  rulesPerNicLimit: (limit: number, nicId: string) =>
    new ArmError(400, 'RulesPerNicLimitReached', `Network interface ${nicId} cannot be referenced by more than ${limit} load balancing and inbound NAT rules.`),
  nsgRuleLimit: (limit: number) =>
    new ArmError(400, 'SecurityRulesPerNetworkSecurityGroupLimitReached', `Network security group cannot have more than ${limit} security rules.`),
  pipInUse: (pipId: string, ipConfigId: string) =>
    new ArmError(
      400,
      'PublicIPAddressCannotBeDeleted',
      `Public IP address ${pipId} can not be deleted since it is still allocated to resource ${ipConfigId}. In order to delete the public IP, disassociate/detach the Public IP address from the resource.  To learn how to do this, see aka.ms/deletepublicip.`,
    ),
  throttled: (retryAfter: number) =>
    new ArmError(
      429,
      'TooManyRequests',
      `The request is being throttled as the limit has been reached for operation type - Write_ObservationWindow_00:05:00. For more information, see - https://aka.ms/srpthrottlinglimits`,
      retryAfter,
    ),
  invalidResourceName: (name: string) =>
    new ArmError(
      400,
      'InvalidResourceName',
      `Resource name ${name} is invalid. The name can be up to 80 characters long. It must begin with a word character, and it must end with a word character or with '_'. The name may contain word characters or '.', '-', '_'.`,
    ),
  invalidDomainNameLabel: (label: string) =>
    new ArmError(
      400,
      'InvalidDomainNameLabel',
      `The domain name label ${label} is invalid. It must conform to the following regular expression: ^[a-z][a-z0-9-]{1,61}[a-z0-9]$.`,
    ),
  inUseSubnet: (subnetId: string) => new ArmError(400, 'InUseSubnetCannotBeDeleted', `Subnet ${subnetId} is in use and cannot be deleted.`),
};
