import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, setEtag, UuidParam } from '@police/platform';
import {
  Allow,
  Consults,
  DataSubjectAnswer,
  DataSubjectCriteria,
  DataSubjectDisclosure,
  DataSubjectQuery,
  DataSubjectRecord,
  dataSubjectCriteria,
  DISCLOSED,
  normalizedNameSql,
  resourceNotFound,
  sameName,
  SearchRateLimit,
  WITHHELD,
} from '@police/security';
import type { Request, Response } from 'express';
import { dataSubjectRequestResource, IntegrityAccess } from '../../integrity.access';
import { ComplaintRow } from '../../read-model/complaints/complaint.read-model';
import { DataSubjectRequestRow } from '../../read-model/data-subjects/data-subject-request.read-model';
import { DataSubjectRequestView } from '../../read-model/data-subjects/data-subject-request.view';
import { OrderMeasureRow, ThreatFileRow } from '../../read-model/tucht/tucht.read-model';

const COMPLAINT_PURPOSE =
  'Handling a complaint about police conduct: internal oversight of the police (Intern Toezicht), discipline, and the Standing Committee P';
const TUCHT_PURPOSE = "Discipline of the police's staff (law of 13 May 1999 on the disciplinary status of police staff)";

const SEALED_ABOUT_REQUESTER: DataSubjectDisclosure = {
  disclose: false,
  code: 'sealed_about_requester',
  reason: 'A sealed file about the requester as a member of staff (integrity or discipline): its existence is not disclosed to them',
  legalBasis: WITHHELD,
};

/**
 * What integrity holds about a person, for the DPO (ADR 0056): complaints they made (by name) and, for a member of
 * staff, the complaints, order measures and threat files about them (by staff id). Files about the requester stay
 * sealed from them: the DPO sees them, with the reason, and the requester's report leaves them out.
 */
@ApiTags('data-subjects')
@Controller('data-subjects')
export class IntegrityDataSubjectsController {
  constructor(private readonly access: IntegrityAccess) {}

  @Get()
  @ApiProblems(422)
  @SearchRateLimit()
  @Allow('dpo')
  @Consults('integrity_complaint', 'disciplinary_case')
  @ApiOperation({
    summary:
      'For the DPO: the complaints a person made, and the complaints and Tucht files about a member of staff; what they hold and whether they may be disclosed',
  })
  async find(@Query() q: DataSubjectQuery, @Req() req: Request): Promise<DataSubjectAnswer> {
    const criteria = dataSubjectCriteria(q);
    const ds = this.access.eventSourcing.dataSource;
    const complaints = ds.getRepository(ComplaintRow).createQueryBuilder('c').orderBy('c.receivedOn', 'ASC').limit(500);
    if (criteria.name) complaints.orWhere(`${normalizedNameSql(`c.file->'complainant'->>'name'`)} = :name`, { name: criteria.name });
    if (criteria.staffId) complaints.orWhere(':staff = ANY(c.staffConcerned)', { staff: criteria.staffId });
    const complaintRows = criteria.name || criteria.staffId ? await complaints.getMany() : [];
    const measures = criteria.staffId ? await ds.getRepository(OrderMeasureRow).findBy({ staffId: criteria.staffId }) : [];
    const threatFiles = criteria.staffId
      ? await ds
          .getRepository(ThreatFileRow)
          .createQueryBuilder('t')
          .where(':staff = ANY(t.staffIds)', { staff: criteria.staffId })
          .getMany()
      : [];
    await this.access.accessControl.recordDataSubjectLookup(
      req,
      'integrity_complaint',
      complaintRows.map((r) => this.access.resource(r)),
    );
    await this.access.accessControl.recordDataSubjectLookup(req, 'disciplinary_case', [
      ...measures.map((m) => this.access.measureResource(m)),
      ...threatFiles.map((t) => this.access.threatFileResource(t)),
    ]);
    return {
      service: 'integrity',
      records: [
        ...complaintRows.map((r) => complaintRecord(r, criteria)),
        ...measures.map((m): DataSubjectRecord => ({
          ...tucht(m.id, `Order measure (${m.kind}, ${m.status}) from ${m.startsOn}`, m.startsOn, criteria),
        })),
        ...threatFiles.map((t): DataSubjectRecord =>
          tucht(t.id, `Threat file (${t.status}) opened on ${t.openedOn}`, t.openedOn, criteria),
        ),
      ],
    };
  }
}

function complaintRecord(row: ComplaintRow, criteria: DataSubjectCriteria): DataSubjectRecord {
  const file = row.file;
  const asComplainant = sameName(criteria, file.complainant.name);
  const concerned = !!criteria.staffId && row.staffConcerned.includes(criteria.staffId);
  return {
    service: 'integrity',
    type: 'integrity_complaint',
    id: row.id,
    title: `Complaint about police conduct${row.registerNumber ? ` ${row.registerNumber}` : ''}, received ${row.receivedOn} (${row.phase})`,
    reference: row.registerNumber,
    recordedAt: file.recordedAt,
    roles: [...(asComplainant ? ['complainant'] : []), ...(concerned ? ['staff concerned'] : [])],
    matchedOn: [...(asComplainant ? (['name'] as const) : []), ...(concerned ? (['staffId'] as const) : [])],
    held: [
      ...(asComplainant
        ? [
            { field: 'complainant', value: file.complainant.name },
            ...(file.complainant.contact ? [{ field: 'contact', value: file.complainant.contact }] : []),
          ]
        : []),
      ...(concerned ? [{ field: 'staff member concerned', value: criteria.staffId! }] : []),
      { field: 'facts as stated', value: file.facts },
    ],
    purpose: COMPLAINT_PURPOSE,
    subjectRefs: [],
    // A complaint about the requester stays sealed from them even when they also made it (a cross-complaint).
    disclosure: concerned
      ? SEALED_ABOUT_REQUESTER
      : { disclose: true, code: 'complainant', reason: 'The requester made the complaint', legalBasis: DISCLOSED },
    processingRestricted: null,
    erased: null,
  };
}

function tucht(id: string, title: string, on: string, criteria: DataSubjectCriteria): DataSubjectRecord {
  return {
    service: 'integrity',
    type: 'disciplinary_case',
    id,
    title,
    reference: null,
    recordedAt: on,
    roles: ['staff concerned'],
    matchedOn: ['staffId'],
    held: [{ field: 'staff member concerned', value: criteria.staffId! }],
    purpose: TUCHT_PURPOSE,
    subjectRefs: [],
    disclosure: SEALED_ABOUT_REQUESTER,
    processingRestricted: null,
    erased: null,
  };
}

/** The DPO's register of data-subject requests, newest first. */
@ApiTags('data-subjects')
@Controller('data-subject-requests')
export class DataSubjectRequestQueriesController {
  constructor(private readonly access: IntegrityAccess) {}

  @Get()
  @SearchRateLimit()
  @Allow('dpo')
  @Consults('data_subject_request')
  @ApiOperation({ summary: "The DPO's register of data-subject requests, newest first (up to 200)" })
  async list(@Req() req: Request): Promise<{ requests: DataSubjectRequestView[] }> {
    const rows = await this.access.eventSourcing.dataSource
      .getRepository(DataSubjectRequestRow)
      .createQueryBuilder('r')
      .orderBy('r.receivedOn', 'DESC')
      .addOrderBy('r.id', 'ASC')
      .limit(200)
      .getMany();
    await this.access.accessControl.recordListRead(
      req,
      'data_subject_request',
      rows.map((r) => dataSubjectRequestResource(r.id)),
    );
    return { requests: rows.map((r) => r.request) };
  }

  @Get(':id')
  @Allow('dpo')
  @Consults('data_subject_request')
  @ApiOperation({ summary: 'One data-subject request with the decision on it' })
  async get(@UuidParam('id') id: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<DataSubjectRequestView> {
    const row = await this.access.eventSourcing.dataSource.getRepository(DataSubjectRequestRow).findOneBy({ id });
    if (!row) throw resourceNotFound('data_subject_request');
    await this.access.authorizeReadResource(req, dataSubjectRequestResource(id));
    setEtag(res, row.version);
    return row.request;
  }
}
