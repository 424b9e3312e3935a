import type { Role } from '@/lib/auth';

/** POPP: the front desk and the evidence desk register, search owners, match losses and return objects. */
export const POPP_ROLES: readonly Role[] = ['front_desk', 'evidence_officer'];
/** Handing to an organisation and destruction after the holding period: the evidence desk only. */
export const POPP_DISPOSAL_ROLES: readonly Role[] = ['evidence_officer'];
