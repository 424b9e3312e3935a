import type { MethodResponse } from 'openapi-fetch';
import type { ReportsComponents } from '@police/api-client';
import type { reportsApi } from '@/lib/api';

/** One consultation of a service's log (the same shape in every service). */
export type Consultation = ReportsComponents['schemas']['ConsultationView'];
/** One page of a service's log, newest first. */
export type ConsultationPage = MethodResponse<typeof reportsApi, 'get', '/api/reports/audit/consultations'>;
/** A UTC day's chain of consultation records, recomputed: intact (with its head hash) or broken (where). */
export type DayVerification = MethodResponse<typeof reportsApi, 'get', '/api/reports/audit/consultations/verify'>;
