import type { Role } from '@/lib/auth';

/** Who registers complaints and reads the intake list (the integrity API's INTAKE_ROLES): BIT, Tucht and the chief. */
export const COMPLAINT_DESK_ROLES: readonly Role[] = ['integrity_investigator', 'discipline_officer', 'chief'];
/** Who reads complaint lists, the early warning and streams integrity's changes (OVERSIGHT_ROLES): each in their own compartment. */
export const OVERSIGHT_ROLES: readonly Role[] = ['integrity_investigator', 'discipline_officer', 'dpo', 'chief'];
/** Bureau Tucht's records: order measures, threat files, disciplinary files (TUCHT_ROLES). */
export const TUCHT_ROLES: readonly Role[] = ['discipline_officer', 'chief'];
