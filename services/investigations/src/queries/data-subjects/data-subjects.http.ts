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
import { Brackets } from 'typeorm';
import { InvestigationsAccess } from '../../investigations.access';
import { InvestigationRow, PartyLinkRow } from '../../read-model/investigations/investigation.read-model';

const PURPOSE =
  'Criminal investigation of an offence under the direction of the public prosecutor or the investigating judge (judicial police: Police Function Act art. 15; Code of Criminal Procedure)';

/**
 * What the investigations service holds about a person, for the DPO (ADR 0056): the person index's links (by name,
 * person reference or the report's party ids, which a link made from a referred report starts with). Restricted
 * teams' cases (Zeden, informant work, …) and open cases in which the person is a suspect are shown to the DPO and
 * withheld from the requester's report.
 */
@ApiTags('data-subjects')
@Controller('data-subjects')
export class InvestigationDataSubjectsController {
  constructor(private readonly access: InvestigationsAccess) {}

  @Get()
  @ApiProblems(422)
  @SearchRateLimit()
  @Allow('dpo')
  @Consults('investigation')
  @ApiOperation({
    summary:
      'For the DPO: every investigation that links a person (by name, person reference or party ids), what it holds and whether it may be disclosed to them',
  })
  async find(@Query() q: DataSubjectQuery, @Req() req: Request): Promise<DataSubjectAnswer> {
    const criteria = dataSubjectCriteria(q);
    const ds = this.access.eventSourcing.dataSource;
    const refs = [...(criteria.personId ? [criteria.personId] : []), ...criteria.partyIds];
    if (!criteria.name && refs.length === 0) return { service: 'investigations', records: [] };
    const links = await ds
      .getRepository(PartyLinkRow)
      .createQueryBuilder('p')
      .where(
        new Brackets((w) => {
          if (criteria.name) w.orWhere(`${normalizedNameSql('p.displayName')} = :name`, { name: criteria.name });
          if (refs.length > 0) w.orWhere('p.personId IN (:...refs)', { refs });
        }),
      )
      .orderBy('p.linkedAt', 'ASC')
      .limit(1000)
      .getMany();
    const ids = [...new Set(links.map((l) => l.investigationId))];
    const cases =
      ids.length > 0 ? await ds.getRepository(InvestigationRow).createQueryBuilder('i').where('i.id IN (:...ids)', { ids }).getMany() : [];
    await this.access.accessControl.recordDataSubjectLookup(
      req,
      'investigation',
      cases.map((c) => this.access.rowResource(c)),
    );
    return {
      service: 'investigations',
      records: cases.map((c) =>
        record(
          c,
          links.filter((l) => l.investigationId === c.id),
          criteria,
          this.access.isRestrictedTeam(c.team),
        ),
      ),
    };
  }
}

function record(row: InvestigationRow, links: PartyLinkRow[], criteria: DataSubjectCriteria, restricted: boolean): DataSubjectRecord {
  const roles = [...new Set(links.map((l) => l.role))];
  const matchedOn = [
    ...(links.some((l) => sameName(criteria, l.displayName)) ? ['name' as DataSubjectMatch] : []),
    ...(links.some((l) => l.personId === criteria.personId) ? ['personId' as DataSubjectMatch] : []),
    ...(links.some((l) => criteria.partyIds.includes(l.personId)) ? ['partyId' as DataSubjectMatch] : []),
  ];
  const openAgainstSuspect = row.status === 'open' && roles.includes('suspect');
  return {
    service: 'investigations',
    type: 'investigation',
    id: row.id,
    title: `Investigation "${row.title}" (${row.phenomenon}, ${row.status}) of team ${row.team}`,
    reference: row.pvNumbers[0] ?? null,
    recordedAt: new Date(row.openedAt).toISOString(),
    roles,
    matchedOn,
    held: links.flatMap((l) => [
      { field: 'name', value: l.displayName },
      { field: 'role', value: l.role },
      { field: 'person reference', value: l.personId },
      { field: 'identified', value: l.identified ? 'yes' : 'no' },
      { field: 'traced', value: l.traced ? 'yes' : 'no' },
      ...(l.linked ? [] : [{ field: 'link', value: 'unlinked (kept as history)' }]),
    ]),
    purpose: PURPOSE,
    subjectRefs: [...new Set(links.map((l) => l.personId))],
    disclosure: restricted
      ? {
          disclose: false,
          code: 'restricted_investigation',
          reason: `A restricted investigation (team ${row.team}): its existence is not disclosed; the supervisory authority checks it on the requester's behalf`,
          legalBasis: WITHHELD,
        }
      : openAgainstSuspect
        ? {
            disclose: false,
            code: 'open_case_suspect',
            reason: 'An open investigation in which the requester is a suspect: disclosure would obstruct it',
            legalBasis: WITHHELD,
          }
        : {
            disclose: true,
            code: 'linked_to_case',
            reason: `The requester is linked to the case as ${roles.join(', ')}`,
            legalBasis: DISCLOSED,
          },
    processingRestricted: null,
    erased: null,
  };
}
