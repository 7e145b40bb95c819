import type { ClientGrant } from './model.ts';

/** A grant as the API returns it: a copy, so a caller can never change the tenant's record. */
export function presentGrant(grant: ClientGrant): ClientGrant {
  return { ...grant, scope: [...grant.scope] };
}
