import type { Role } from '@/lib/auth';

/** Who may read the consultation log: the services' `@Allow` on `GET /api/<service>/audit/consultations`. */
export const CONSULTATION_LOG_ROLES: readonly Role[] = ['dpo', 'integrity_investigator'];

/** Who handles data-subject requests: the services' `@Allow('dpo')` on `…/data-subjects` and the register (ADR 0056). */
export const DATA_SUBJECT_ROLES: readonly Role[] = ['dpo'];

/** The four services, each answering for its own consultation log (docs/adr/0023), in display order. */
export const LOG_SERVICES = ['reports', 'investigations', 'evidence', 'integrity'] as const;
export type LogService = (typeof LOG_SERVICES)[number];
