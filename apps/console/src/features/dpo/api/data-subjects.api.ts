import { call, evidenceApi, integrityApi, investigationsApi, reportsApi } from '@/lib/api';
import type { LogService } from '../access';

// Data-subject requests (ADR 0056): the console asks each service, through its own API, what it holds about a person.
// Reports first: the party ids it answers are how evidence knows the person (evidence never holds a name).

/** Who the DPO looks for. */
export interface SubjectQuery {
  name?: string;
  /** Person reference of the person index (e.g. the national register number). */
  personId?: string;
  /** When the requester is a member of staff. */
  staffId?: string;
}

/** One record a service holds about the person, as the services answer it. */
export type HeldRecord = Awaited<ReturnType<typeof fromReports>>['records'][number];

/** Every service's answer, in the order the console shows them. */
export interface SubjectFindings {
  query: SubjectQuery;
  services: { service: LogService; records: HeldRecord[] }[];
}

async function fromReports(q: SubjectQuery) {
  const query = { name: q.name, staffId: q.staffId };
  return (await call(reportsApi.GET('/api/reports/data-subjects', { params: { query } }))).data;
}

/** Asks the four services in turn; the party ids reports answers go to evidence and investigations. */
export async function findDataSubject(q: SubjectQuery): Promise<SubjectFindings> {
  const reports = await fromReports(q);
  const partyIds = [...new Set(reports.records.flatMap((r) => r.subjectRefs))].slice(0, 50).join(',') || undefined;
  const [investigations, evidence, integrity] = await Promise.all([
    q.name || q.personId || partyIds
      ? call(
          investigationsApi.GET('/api/investigations/data-subjects', {
            params: { query: { name: q.name, personId: q.personId, partyIds } },
          }),
        )
      : undefined,
    partyIds ? call(evidenceApi.GET('/api/evidence/data-subjects', { params: { query: { partyIds } } })) : undefined,
    q.name || q.staffId
      ? call(integrityApi.GET('/api/integrity/data-subjects', { params: { query: { name: q.name, staffId: q.staffId } } }))
      : undefined,
  ]);
  return {
    query: q,
    services: [
      { service: 'reports', records: reports.records },
      { service: 'investigations', records: investigations?.data.records ?? [] },
      { service: 'evidence', records: evidence?.data.records ?? [] },
      { service: 'integrity', records: integrity?.data.records ?? [] },
    ],
  };
}

/** The request and its details, as the DPO records them in the register. */
export interface RequestDetails {
  receivedOn: string;
  identityCheck: string;
}

/** Records the request and the DPO's decision on it (what is disclosed, what withheld and why), in that order. */
export async function recordDecision(findings: SubjectFindings, details: RequestDetails, restricted: HeldRecord[], erased: HeldRecord[]) {
  const subject = {
    ...(findings.query.name && { name: findings.query.name }),
    ...(findings.query.personId && { personId: findings.query.personId }),
    ...(findings.query.staffId && { staffId: findings.query.staffId }),
  };
  const received = (
    await call(
      integrityApi.POST('/api/integrity/data-subject-requests', {
        body: { kind: 'access', subject, receivedOn: details.receivedOn, identityCheck: details.identityCheck },
      }),
    )
  ).data;
  const all = findings.services.flatMap((s) => s.records);
  const ref = (r: HeldRecord) => ({ service: r.service, type: r.type, id: r.id });
  return (
    await call(
      integrityApi.POST('/api/integrity/data-subject-requests/{id}/decision', {
        params: { path: { id: received.requestId } },
        body: {
          disclosed: all.filter((r) => r.disclosure.disclose).map(ref),
          withheld: all
            .filter((r) => !r.disclosure.disclose)
            .map((r) => ({ ...ref(r), reason: r.disclosure.reason, legalBasis: r.disclosure.legalBasis })),
          restricted: restricted.map(ref),
          erased: erased.map(ref),
        },
      }),
    )
  ).data;
}

/** The recorded request, with the decision on it. */
export type DecidedRequest = Awaited<ReturnType<typeof recordDecision>>;

/** Restricts a report's processing under the DPO's decision (reports is the service that has it). */
export async function restrictReport(id: string, decision: string, reason: string) {
  return (await call(reportsApi.POST('/api/reports/{id}/processing-restriction', { params: { path: { id } }, body: { decision, reason } })))
    .data;
}

/**
 * Erases a report's statement under the DPO's decision (ADR 0065): its key is destroyed, its text and parties read
 * as the erasure marker. Refused (409) once the statement is in a judicial file.
 */
export async function eraseReportStatement(id: string, decision: string, reason: string) {
  return (await call(reportsApi.POST('/api/reports/{id}/statement-erasure', { params: { path: { id } }, body: { decision, reason } })))
    .data;
}
