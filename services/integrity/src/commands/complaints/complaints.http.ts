import { Body, Controller, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AggregateCommands, CommandInput, newRecordId, RecordedEvent, streamAfter } from '@police/event-store';
import { EVENT_SOURCING, problem, requestContext, ServiceEventSourcing, setEtag, UuidParam } from '@police/platform';
import { Allow, Authenticated, Role } from '@police/security';
import type { Request, Response } from 'express';
import { ComplaintEvent, OVERSIGHT_BODIES, OversightBody } from '../../domain/complaint.events';
import { ComplaintCommand } from '../../domain/complaint.decide';
import { ComplaintState } from '../../domain/complaint.state';
import { Actor } from '../../domain/integrity.decide';
import { IntegrityAccess, OVERSIGHT_ROLES, oversightBody } from '../../integrity.access';
import { complaintAggregate } from '../../integrity.aggregates';
import { INTEGRITY_CONFIG, IntegrityConfig } from '../../integrity.config';
import { ComplaintRow } from '../../read-model/complaints/complaint.read-model';
import { ComplaintReceipt, ComplaintView, complaintView } from '../../read-model/complaints/complaint.view';
import {
  AcknowledgeRequest,
  AnswerInformationRequestRequest,
  AssignInvestigatorRequest,
  CriminalReferralRequest,
  DisciplinaryProcedureRequest,
  EvaluationNoteRequest,
  FindingRequest,
  ForwardRequest,
  HearingRequest,
  InformationRequestRequest,
  LessonsRequest,
  OutcomeRequest,
  ParketReportRequest,
  ReceiveComplaintRequest,
  SanctionRequest,
  TriageRequest,
} from './complaints.request';
import { RegisterNumbers } from '../../integrity.register-numbers';

/** A command's answer: the file, or a receipt to a writer who may not see it (any longer). */
export type ComplaintAnswer = ComplaintView | ComplaintReceipt;

/** Roles whose compartment holds complaints before triage: they register them (the desk's come through the reports contract). */
export const INTAKE_ROLES: Role[] = ['integrity_investigator', 'discipline_officer', 'chief'];

/**
 * Commands on complaints. Every command on an existing complaint first checks the reader may know of it
 * (a staff member concerned, or anyone outside its compartment, gets the 404 of a missing id), then lets
 * the domain decide. The investigation's own steps are open to any authenticated user at the route, since
 * a designated investigator may come from anywhere in the corps; the record check does the rest.
 */
@ApiTags('complaints')
@Controller('complaints')
export class ComplaintCommandsController {
  private readonly complaints: AggregateCommands<ComplaintState, ComplaintEvent, ComplaintCommand, Actor>;

  constructor(
    @Inject(EVENT_SOURCING) es: ServiceEventSourcing,
    private readonly access: IntegrityAccess,
    private readonly registerNumbers: RegisterNumbers,
    @Inject(INTEGRITY_CONFIG) private readonly config: IntegrityConfig,
  ) {
    this.complaints = es.commands(complaintAggregate);
  }

  @Post()
  @Allow(...INTAKE_ROLES)
  @ApiOperation({
    summary: 'Register a complaint in the corps register (any channel; Idempotency-Key makes a retry return the first result)',
  })
  async receive(
    @Body() body: ReceiveComplaintRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ComplaintAnswer> {
    const principal = this.access.principal(req);
    // Whoever registers a complaint sees it; one that names the registrar must be registered by someone else.
    if (body.staffConcerned.includes(principal.staffId)) {
      throw problem(422, 'complaint_names_registrar', 'A complaint that names you must be registered by someone else.', 'staffConcerned');
    }
    const ctx = requestContext(req, this.access.actor(principal));
    const complaintId = newRecordId('complaint', principal.staffId, ctx.idempotencyKey);
    const registerNumber = await this.registerNumbers.next(ctx.now);
    const result = await this.complaints.handle(
      complaintId,
      {
        type: 'ReceiveComplaint',
        data: {
          complaintId,
          registerNumber,
          channel: body.channel,
          complainant: {
            name: body.complainant.name,
            ...(body.complainant.contact !== undefined && { contact: body.complainant.contact }),
          },
          staffConcerned: body.staffConcerned,
          facts: body.facts,
          receivedOn: body.receivedOn,
          ...(body.reportId !== undefined && { reportId: body.reportId }),
          ...(body.externalReference !== undefined && { externalReference: body.externalReference }),
          ...(body.office !== undefined && { office: body.office }),
        },
      },
      ctx,
    );
    res.status(result.alreadyHandled ? 200 : 201).location(`/api/integrity/complaints/${complaintId}`);
    return this.answer(req, res, complaintId);
  }

  @Post(':id/forwardings')
  @Allow(...OVERSIGHT_ROLES)
  @ApiOperation({
    summary: 'Record the forwarding to Comité P or AIG (date, channel, their reference if known); the forwarding document follows from it',
  })
  async forward(
    @UuidParam('id') id: string,
    @Body() body: ForwardRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ComplaintAnswer & { document: string }> {
    const view = await this.onComplaint(id, req, res, {
      type: 'ForwardComplaint',
      data: {
        body: body.body,
        forwardedOn: body.forwardedOn,
        channel: body.channel,
        ...(body.reference !== undefined && { reference: body.reference }),
      },
    });
    res.status(201);
    return { ...view, document: `/api/integrity/complaints/${id}/forwardings/${body.body}/document` };
  }

  @Post(':id/forwardings/:recipient/reference')
  @HttpCode(200)
  @Allow(...OVERSIGHT_ROLES)
  @ApiParam({ name: 'recipient', enum: OVERSIGHT_BODIES })
  @ApiOperation({ summary: 'Record the reference Comité P or AIG gave the forwarded complaint' })
  async acknowledge(
    @UuidParam('id') id: string,
    @Param('recipient') recipient: string,
    @Body() body: AcknowledgeRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ComplaintAnswer> {
    return this.onComplaint(
      id,
      req,
      res,
      {
        type: 'AcknowledgeForwarding',
        data: { body: recipient as OversightBody, reference: body.reference, acknowledgedOn: body.acknowledgedOn },
      },
      () => oversightBody(recipient),
    );
  }

  @Post(':id/triage')
  @HttpCode(200)
  @Allow(...OVERSIGHT_ROLES)
  @ApiOperation({
    summary: 'Route the complaint: administrative or judicial investigation (BIT), disciplinary investigation (Tucht), or the DPO',
  })
  async triage(
    @UuidParam('id') id: string,
    @Body() body: TriageRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ComplaintAnswer> {
    return this.onComplaint(id, req, res, {
      type: 'TriageComplaint',
      data: {
        route: body.route,
        reason: body.reason,
        ...(body.parketReference !== undefined && { parketReference: body.parketReference }),
        disciplinaryAuthorities: this.config.discipline.authorities,
      },
    });
  }

  @Post(':id/investigators')
  @Allow(...OVERSIGHT_ROLES)
  @ApiOperation({ summary: "Assign an investigator, after the conflict-of-interest check; an override needs the chief's reason" })
  async assign(
    @UuidParam('id') id: string,
    @Body() body: AssignInvestigatorRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ComplaintAnswer> {
    const view = await this.onComplaint(id, req, res, {
      type: 'AssignInvestigator',
      data: {
        investigatorId: body.investigatorId,
        designated: body.designated,
        organisation: this.config.organisation,
        relationships: this.config.relationships,
        ...(body.override !== undefined && { override: { reason: body.override.reason } }),
      },
    });
    res.status(201);
    return view;
  }

  @Post(':id/findings')
  @Authenticated()
  @ApiOperation({ summary: 'Record a finding ten laste (incriminating) or ten ontlaste (exculpatory); assigned investigators only' })
  async finding(
    @UuidParam('id') id: string,
    @Body() body: FindingRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ComplaintAnswer & { findingId: string }> {
    const findingId = newRecordId('finding', this.access.principal(req).staffId, req.header('idempotency-key'));
    const view = await this.onComplaint(id, req, res, {
      type: 'RecordFinding',
      data: {
        findingId,
        kind: body.kind,
        summary: body.summary,
        source: body.source,
        ...(body.staffId !== undefined && { staffId: body.staffId }),
      },
    });
    res.status(201);
    return { ...view, findingId };
  }

  @Post(':id/information-requests')
  @Authenticated()
  @ApiOperation({ summary: 'Record an information request from Comité P or AIG' })
  async informationRequest(
    @UuidParam('id') id: string,
    @Body() body: InformationRequestRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ComplaintAnswer & { requestId: string }> {
    const requestId = newRecordId('information-request', this.access.principal(req).staffId, req.header('idempotency-key'));
    const view = await this.onComplaint(id, req, res, {
      type: 'RecordInformationRequest',
      data: {
        requestId,
        body: body.body,
        request: body.request,
        receivedOn: body.receivedOn,
        ...(body.externalReference !== undefined && { externalReference: body.externalReference }),
      },
    });
    res.status(201);
    return { ...view, requestId };
  }

  @Post(':id/information-requests/:requestId/answer')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'Record the answer given to an information request' })
  async answerInformationRequest(
    @UuidParam('id') id: string,
    @Param('requestId') requestId: string,
    @Body() body: AnswerInformationRequestRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ComplaintAnswer> {
    return this.onComplaint(id, req, res, {
      type: 'AnswerInformationRequest',
      data: { requestId, answer: body.answer, providedOn: body.providedOn },
    });
  }

  @Post(':id/hearings')
  @Authenticated()
  @ApiOperation({ summary: 'Record a hearing of a staff member concerned, with their assistance (or waiver) and file access noted' })
  async hearing(
    @UuidParam('id') id: string,
    @Body() body: HearingRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ComplaintAnswer & { hearingId: string }> {
    const hearingId = newRecordId('hearing', this.access.principal(req).staffId, req.header('idempotency-key'));
    const assistance =
      body.assistance.kind === 'waived' ? { kind: 'waived' as const } : { kind: body.assistance.kind, name: body.assistance.name ?? '' };
    const view = await this.onComplaint(id, req, res, {
      type: 'RecordHearing',
      data: {
        hearingId,
        staffId: body.staffId,
        heardOn: body.heardOn,
        assistance,
        fileAccessGiven: body.fileAccessGiven,
        summary: body.summary,
      },
    });
    res.status(201);
    return { ...view, hearingId };
  }

  @Post(':id/outcome')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'Conclude the investigation: founded, unfounded, or manifestly unfounded and malicious' })
  async outcome(
    @UuidParam('id') id: string,
    @Body() body: OutcomeRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ComplaintAnswer> {
    return this.onComplaint(id, req, res, { type: 'ConcludeInvestigation', data: { conclusion: body.conclusion, summary: body.summary } });
  }

  @Post(':id/parket-report')
  @HttpCode(200)
  @Allow(...OVERSIGHT_ROLES)
  @ApiOperation({ summary: 'Report a manifestly unfounded and malicious complaint to the parket' })
  async parketReport(
    @UuidParam('id') id: string,
    @Body() body: ParketReportRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ComplaintAnswer> {
    return this.onComplaint(id, req, res, {
      type: 'ReportMaliciousComplaintToParket',
      data: { reportedOn: body.reportedOn, ...(body.parketReference !== undefined && { parketReference: body.parketReference }) },
    });
  }

  @Post(':id/criminal-referral')
  @HttpCode(200)
  @Allow(...OVERSIGHT_ROLES)
  @ApiOperation({ summary: 'Refer staff members concerned to the parket after a founded complaint' })
  async criminalReferral(
    @UuidParam('id') id: string,
    @Body() body: CriminalReferralRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ComplaintAnswer> {
    return this.onComplaint(id, req, res, {
      type: 'ReferToParket',
      data: {
        staffIds: body.staffIds,
        referredOn: body.referredOn,
        ...(body.parketReference !== undefined && { parketReference: body.parketReference }),
      },
    });
  }

  @Post(':id/disciplinary-procedures')
  @Allow(...OVERSIGHT_ROLES)
  @ApiOperation({ summary: 'Start a disciplinary procedure against a staff member concerned (a disciplinary authority)' })
  async procedure(
    @UuidParam('id') id: string,
    @Body() body: DisciplinaryProcedureRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ComplaintAnswer> {
    const view = await this.onComplaint(id, req, res, {
      type: 'StartDisciplinaryProcedure',
      data: { staffId: body.staffId, config: this.config.discipline },
    });
    res.status(201);
    return view;
  }

  @Post(':id/sanction')
  @HttpCode(200)
  @Allow(...OVERSIGHT_ROLES)
  @ApiOperation({ summary: 'Record the sanction the competent authority decided (catalogue and authority matrix are configuration)' })
  async sanction(
    @UuidParam('id') id: string,
    @Body() body: SanctionRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ComplaintAnswer> {
    return this.onComplaint(id, req, res, {
      type: 'DecideSanction',
      data: { staffId: body.staffId, sanction: body.sanction, decidedOn: body.decidedOn, config: this.config.discipline },
    });
  }

  @Post(':id/evaluation-notes')
  @Allow(...OVERSIGHT_ROLES)
  @ApiOperation({ summary: "Add a note for a staff member's evaluation file (HR)" })
  async evaluationNote(
    @UuidParam('id') id: string,
    @Body() body: EvaluationNoteRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ComplaintAnswer> {
    const view = await this.onComplaint(id, req, res, { type: 'AddEvaluationFileNote', data: { staffId: body.staffId, note: body.note } });
    res.status(201);
    return view;
  }

  @Post(':id/lessons')
  @Allow(...OVERSIGHT_ROLES)
  @ApiOperation({ summary: 'Record lessons learned, for the individual or for the corps' })
  async lessons(
    @UuidParam('id') id: string,
    @Body() body: LessonsRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ComplaintAnswer> {
    const view = await this.onComplaint(id, req, res, { type: 'RecordLessonsLearned', data: { scope: body.scope, lessons: body.lessons } });
    res.status(201);
    return view;
  }

  @Post(':id/close')
  @HttpCode(200)
  @Allow(...OVERSIGHT_ROLES)
  @ApiOperation({ summary: 'Close a concluded complaint (read only from then on)' })
  async close(@UuidParam('id') id: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<ComplaintAnswer> {
    return this.onComplaint(id, req, res, { type: 'CloseComplaint', data: {} });
  }

  /**
   * The record check on the complaint as the command loads it (one read of the stream), then `check`
   * (request checks that must not be answered before it: they would tell a stranger the id exists), then
   * the decision.
   */
  private async onComplaint(
    id: string,
    req: Request,
    res: Response,
    command: CommandInput<ComplaintCommand>,
    check?: () => void,
  ): Promise<ComplaintAnswer> {
    const ctx = requestContext(req, this.access.actor(this.access.principal(req)));
    let before: RecordedEvent[] = [];
    const result = await this.complaints.handle(id, command, {
      ...ctx,
      authorize: (loaded) => {
        before = loaded.events;
        this.access.authorizeWrite(req, this.access.rowOf(loaded.events));
        check?.();
      },
    });
    const after = streamAfter(before, result);
    return this.answer(req, res, id, after && this.access.rowOf(after));
  }

  /**
   * The file as its stream has it after the command (the read model may not have caught up yet), if the
   * writer may see it now: a triage can move it out of the writer's compartment, and an idempotent replay
   * of a registration comes back after any amount of time. Otherwise a receipt, without ETag.
   */
  private async answer(req: Request, res: Response, id: string, current?: ComplaintRow): Promise<ComplaintAnswer> {
    const row = current ?? (await this.access.currentRow(id));
    if (!this.access.canSee(this.access.principal(req), row)) return { id: row.id, registerNumber: row.registerNumber };
    setEtag(res, row.version);
    return complaintView(row, new Date(), this.config.deadlines);
  }
}
