import { Controller, Get, Inject, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, EVENT_SOURCING, ServiceEventSourcing } from '@police/platform';
import {
  AccessControl,
  Allow,
  Consults,
  DataSubjectAnswer,
  DataSubjectQuery,
  DataSubjectRecord,
  dataSubjectCriteria,
  DISCLOSED,
  SearchRateLimit,
} from '@police/security';
import type { Request } from 'express';
import { FoundObjectRow, LossDeclarationRow } from '../../read-model/found-objects/found-object.read-model';

const LOSS_PURPOSE =
  'Recording a declared loss to match it against the objects found in the zone and return them (administrative police: found objects)';
const FOUND_PURPOSE =
  'Keeping a found object and returning it to its owner (administrative police: found objects; Civil Code on lost property)';

/**
 * What the evidence service holds about a person, for the DPO (ADR 0056). Evidence never holds a person's name: it
 * refers to people by their party ids in reports' records (`declarantRef`, `ownerRef`), so the DPO asks it with the
 * party ids that reports answered. Seized items name no private person (who received an item back is free text on
 * the disposal, not searchable here).
 */
@ApiTags('data-subjects')
@Controller('data-subjects')
export class EvidenceDataSubjectsController {
  constructor(
    private readonly control: AccessControl,
    @Inject(EVENT_SOURCING) private readonly es: ServiceEventSourcing,
  ) {}

  @Get()
  @ApiProblems(422)
  @SearchRateLimit()
  @Allow('dpo')
  @Consults('loss_declaration', 'found_object')
  @ApiOperation({
    summary:
      "For the DPO: the loss declarations and found objects that refer to a person (by reports' party ids), what they hold and whether they may be disclosed",
  })
  async find(@Query() q: DataSubjectQuery, @Req() req: Request): Promise<DataSubjectAnswer> {
    const criteria = dataSubjectCriteria(q);
    const refs = criteria.partyIds;
    const ds = this.es.dataSource;
    const losses =
      refs.length > 0
        ? await ds
            .getRepository(LossDeclarationRow)
            .createQueryBuilder('l')
            .where('l.declarantRef IN (:...refs)', { refs })
            .orderBy('l.declaredAt', 'ASC')
            .limit(500)
            .getMany()
        : [];
    const lossIds = losses.map((l) => l.reportId);
    const found =
      refs.length > 0
        ? await ds
            .getRepository(FoundObjectRow)
            .createQueryBuilder('f')
            .where(`f.state->'owner'->>'ownerRef' IN (:...refs)`, { refs })
            .orWhere(lossIds.length > 0 ? `f.state->'lossReportIds' ?| ARRAY[:...lossIds]::text[]` : 'false', { lossIds })
            .orderBy('f.registeredAt', 'ASC')
            .limit(500)
            .getMany()
        : [];
    await this.control.recordDataSubjectLookup(
      req,
      'loss_declaration',
      losses.map((l) => ({ type: 'loss_declaration', id: l.reportId })),
    );
    await this.control.recordDataSubjectLookup(
      req,
      'found_object',
      found.map((f) => ({ type: 'found_object', id: f.id })),
    );
    const records: DataSubjectRecord[] = [
      ...losses.map((l): DataSubjectRecord => ({
        service: 'evidence',
        type: 'loss_declaration',
        id: l.reportId,
        title: `Loss declaration: ${l.category}, lost on ${l.lostOn} in ${l.municipality}`,
        reference: null,
        recordedAt: new Date(l.declaredAt).toISOString(),
        roles: ['declarant'],
        matchedOn: ['partyId'],
        held: [
          { field: 'declarant (party id in reports)', value: l.declarantRef },
          { field: 'object', value: `${l.category}: ${l.description}` },
          { field: 'where and when', value: `${l.municipality}, ${l.lostOn}` },
        ],
        purpose: LOSS_PURPOSE,
        subjectRefs: [l.declarantRef],
        disclosure: { disclose: true, code: 'declarant', reason: 'The requester declared the loss', legalBasis: DISCLOSED },
        processingRestricted: null,
        erased: null,
      })),
      ...found.map((f): DataSubjectRecord => {
        const state = f.state.status === 'unregistered' ? null : f.state;
        const owner = state?.owner && refs.includes(state.owner.ownerRef) ? state.owner : null;
        return {
          service: 'evidence',
          type: 'found_object',
          id: f.id,
          title: `Found object: ${f.category}, found on ${f.foundOn} (${f.status.replace(/_/g, ' ')})`,
          reference: null,
          recordedAt: new Date(f.registeredAt).toISOString(),
          roles: owner ? ['owner'] : ['declarant of a matching loss'],
          matchedOn: ['partyId'],
          held: [
            { field: 'object', value: `${f.category}: ${f.description}` },
            ...(owner
              ? [
                  { field: 'owner (party id in reports)', value: owner.ownerRef },
                  { field: 'owner identified on', value: owner.identifiedAt.slice(0, 10) },
                ]
              : []),
            ...(state && state.lossReportIds.some((id) => lossIds.includes(id))
              ? [{ field: 'matched to the loss declaration', value: state.lossReportIds.filter((id) => lossIds.includes(id)).join(', ') }]
              : []),
          ],
          purpose: FOUND_PURPOSE,
          subjectRefs: owner ? [owner.ownerRef] : [],
          disclosure: {
            disclose: true,
            code: 'owner',
            reason: 'An object returned or to be returned to the requester',
            legalBasis: DISCLOSED,
          },
          processingRestricted: null,
          erased: null,
        };
      }),
    ];
    return { service: 'evidence', records };
  }
}
