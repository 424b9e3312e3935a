import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '@police/platform';
import {
  Allow,
  Consults,
  DataSubjectAnswer,
  DataSubjectCriteria,
  DataSubjectMatch,
  DataSubjectQuery,
  DataSubjectRecord,
  dataSubjectCriteria,
  DISCLOSED,
  normalizedNameSql,
  sameName,
  SearchRateLimit,
  WITHHELD,
} from '@police/security';
import type { Request } from 'express';
import { ReportParty } from '../../domain/report.events';
import { OpenReport } from '../../domain/report.state';
import { ReportsAccess } from '../../reports.access';
import { ReportRow } from '../../read-model/reports/report.read-model';

/** Why reports are processed: the judicial police's recording of what citizens report. */
const PURPOSE =
  'Recording a report made to the police and drawing up its PV for the public prosecutor (judicial police: Police Function Act art. 15; Code of Criminal Procedure)';

/**
 * What the reports service holds about a person, for the DPO (ADR 0056): the reports that name them as a party (by
 * name or by party id), and the pointers of conduct complaints about them as staff (until integrity's receipt erased
 * whom they concerned). Every record is shown to the DPO, restricted or sealed ones too, with whether the requester's
 * report may include it.
 */
@ApiTags('data-subjects')
@Controller('data-subjects')
export class ReportDataSubjectsController {
  constructor(private readonly access: ReportsAccess) {}

  @Get()
  @ApiProblems(422)
  @SearchRateLimit()
  @Allow('dpo')
  @Consults('report')
  @ApiOperation({
    summary:
      'For the DPO: every report that mentions a person (by name, party ids or staff id), what it holds and whether it may be disclosed to them',
  })
  async find(@Query() q: DataSubjectQuery, @Req() req: Request): Promise<DataSubjectAnswer> {
    const criteria = dataSubjectCriteria(q);
    const qb = this.access.eventSourcing.dataSource
      .getRepository(ReportRow)
      .createQueryBuilder('r')
      .orderBy('r.receivedAt', 'ASC')
      .limit(500);
    const partyMatch: string[] = [];
    if (criteria.name) partyMatch.push(`${normalizedNameSql("p->>'name'")} = :name`);
    if (criteria.partyIds.length > 0) partyMatch.push(`p->>'partyId' = ANY(:partyIds)`);
    const where: string[] = [];
    if (partyMatch.length > 0)
      where.push(
        `(r.state->>'status' = 'open' AND EXISTS (SELECT 1 FROM jsonb_array_elements(r.state->'parties') p WHERE ${partyMatch.join(' OR ')}))`,
      );
    if (criteria.staffId) where.push(`r."concernedStaffIds" @> :staff::jsonb`);
    if (where.length === 0) return { service: 'reports', records: [] };
    qb.where(where.join(' OR '), { name: criteria.name, partyIds: criteria.partyIds, staff: JSON.stringify([criteria.staffId]) });
    const rows = await qb.getMany();
    await this.access.accessControl.recordDataSubjectLookup(
      req,
      'report',
      rows.map((r) => this.access.resource(r)),
    );
    return { service: 'reports', records: rows.flatMap((r) => record(r, criteria)) };
  }
}

function record(row: ReportRow, criteria: DataSubjectCriteria): DataSubjectRecord[] {
  const base = {
    service: 'reports' as const,
    type: 'report' as const,
    id: row.id,
    reference: row.pvs.find((p) => p.pvNumber)?.pvNumber ?? null,
    recordedAt: new Date(row.receivedAt).toISOString(),
    purpose: PURPOSE,
    processingRestricted: row.processingRestricted ?? null,
    erased: row.erased ?? null,
  };
  if (row.sealed || row.state?.status !== 'open') {
    if (!criteria.staffId || !row.concernedStaffIds.includes(criteria.staffId)) return [];
    return [
      {
        ...base,
        title: 'Pointer to a complaint about police conduct, handed to integrity',
        roles: ['staff concerned'],
        matchedOn: ['staffId'],
        held: [{ field: 'staff id', value: criteria.staffId }],
        subjectRefs: [],
        disclosure: {
          disclose: false,
          code: 'sealed_about_requester',
          reason: 'A complaint about the requester as a member of staff, kept by integrity: its existence is not disclosed to them',
          legalBasis: WITHHELD,
        },
      },
    ];
  }
  const state: OpenReport = row.state;
  const parties = state.parties.filter((p) => sameName(criteria, p.name) || criteria.partyIds.includes(p.partyId));
  if (parties.length === 0) return [];
  const roles = [...new Set(parties.flatMap((p) => p.roles))];
  const matchedOn = [
    ...(parties.some((p) => sameName(criteria, p.name)) ? ['name' as DataSubjectMatch] : []),
    ...(parties.some((p) => criteria.partyIds.includes(p.partyId)) ? ['partyId' as DataSubjectMatch] : []),
  ];
  const suspectUnderInvestigation = roles.includes('suspect') && state.investigationRequestedAt !== null;
  return [
    {
      ...base,
      title: `Report (${[state.kind, state.incidentType].filter(Boolean).join(', ')}), received ${state.receivedAt.slice(0, 10)}`,
      roles,
      matchedOn,
      held: [
        ...parties.flatMap((p) => held(p)),
        ...(state.incidentType ? [{ field: 'incident type', value: state.incidentType }] : []),
        ...(state.place ? [{ field: 'place', value: [state.place.address, state.place.municipality].filter(Boolean).join(', ') }] : []),
        { field: 'statement', value: state.narrative },
      ],
      subjectRefs: parties.map((p) => p.partyId),
      disclosure: suspectUnderInvestigation
        ? {
            disclose: false,
            code: 'suspect_under_investigation',
            reason: 'The requester is a suspect in a report referred for investigation: disclosure could obstruct the inquiry',
            legalBasis: WITHHELD,
          }
        : {
            disclose: true,
            code: 'named_in_statement',
            reason: 'The requester is named in the statement as ' + roles.join(', '),
            legalBasis: DISCLOSED,
          },
    },
  ];
}

function held(p: ReportParty): { field: string; value: string }[] {
  return [
    { field: 'name', value: p.name },
    { field: 'role', value: p.roles.join(', ') },
    ...(p.contact ? [{ field: 'contact', value: p.contact }] : []),
  ];
}
