// Customer tiers: how important a customer is (later drives default priority and SLA).
export const CUSTOMER_TIERS = ['standard', 'vip', 'svip', 'key_account'] as const;
export type CustomerTier = (typeof CUSTOMER_TIERS)[number];

/** A contact's own tier wins; otherwise its organization's; otherwise standard. */
export function effectiveTier(contactTier: string | null | undefined, organizationTier: string | null | undefined): CustomerTier {
  const pick = contactTier ?? organizationTier ?? 'standard';
  return (CUSTOMER_TIERS as readonly string[]).includes(pick) ? (pick as CustomerTier) : 'standard';
}
