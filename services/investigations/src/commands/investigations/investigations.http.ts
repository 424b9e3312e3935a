import { Body, Controller, Delete, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AggregateCommands, CommandInput, CommandResult, newRecordId, RecordedEvent, streamAfter } from '@police/event-store';
import { EVENT_SOURCING, problem, requestContext, ServiceEventSourcing, setEtag, UuidParam } from '@police/platform';
import { Allow } from '@police/security';
import type { Request, Response } from 'express';
import { ActionData, InvestigationCommand } from '../../domain/investigation.decide';
import { ACTION_FIELDS, InvestigationEvent, Origin } from '../../domain/investigation.events';
import { Investigation, InvestigationState } from '../../domain/investigation.state';
import { Actor } from '../../domain/investigations.decide';
import { InvestigationsAccess, LoadedInvestigation } from '../../investigations.access';
import { investigationAggregate } from '../../investigations.aggregates';
import { INVESTIGATIONS_CONFIG, InvestigationsConfig, routeOf, routingOf, teamKey } from '../../investigations.config';
import { caseFile, CaseFileView, otherInvestigationsNamed, withoutHidden } from '../../read-model/investigations/case-file.view';
import { seriesLinkNotFound } from '../../domain/investigation.errors';
import {
  CloseInvestigationRequest,
  CompleteParketTaskRequest,
  CreateTaskRequest,
  DirectingAuthorityRequest,
  DistributeParketTaskRequest,
  IdentifyPersonRequest,
  JoinReportRequest,
  LeadInvestigatorRequest,
  LinkPartyRequest,
  MemberRequest,
  OpenInvestigationRequest,
  ReasonRequest,
  ReceiveParketTaskRequest,
  RecordActionRequest,
  ReportToMagistrateRequest,
  SeriesLinkRequest,
  TeamAssignmentRequest,
  TracePersonRequest,
} from './investigations.request';

const WRITERS = ['detective', 'team_lead'] as const;

type Authorize = (req: Request, state: Investigation) => void | Promise<void>;

type Envelope = CommandInput<InvestigationCommand>;

/** What a write answers: the case file, or only its id and version when the writer may no longer see it. */
type WriteAnswer = CaseFileView | { id: string; version: number };

/** Commands on investigations: open, assign, parties, actions, tasks, parket tasks, links, close and reopen. */
@ApiTags('investigations')
@Controller()
export class InvestigationCommandsController {
  private readonly investigations: AggregateCommands<InvestigationState, InvestigationEvent, InvestigationCommand, Actor>;

  constructor(
    @Inject(EVENT_SOURCING) es: ServiceEventSourcing,
    private readonly access: InvestigationsAccess,
    @Inject(INVESTIGATIONS_CONFIG) private readonly config: InvestigationsConfig,
  ) {
    this.investigations = es.commands(investigationAggregate);
  }

  @Post()
  @Allow(...WRITERS)
  @ApiOperation({
    summary:
      'Open an investigation for your team (routed by phenomenon unless a team is named); Idempotency-Key makes a retry return the first result',
  })
  async open(@Body() body: OpenInvestigationRequest, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<WriteAnswer> {
    const principal = this.access.principal(req);
    if (body.origin.kind === 'report' && !body.origin.report)
      throw problem(422, 'required', 'An investigation opened from a report carries the report’s essentials', 'origin.report');
    if (body.origin.report) await this.requireReport(req, body.origin.report.reportId, 'origin.report.reportId');
    const ctx = requestContext(req, this.access.actor(principal));
    const team = body.team !== undefined ? this.knownTeam(body.team) : routeOf(this.config, body.phenomenon);
    const investigationId = newRecordId('investigation', principal.staffId, ctx.idempotencyKey);
    if (team !== undefined) this.access.authorizeNew(req, this.access.newResource(investigationId, team));
    const result = await this.investigations.handle(
      investigationId,
      {
        type: 'OpenInvestigation',
        data: {
          investigationId,
          kind: body.kind,
          origin: body.origin as Origin,
          ...(body.directingAuthority
            ? { directingAuthority: { authority: body.directingAuthority.authority, reference: body.directingAuthority.reference } }
            : {}),
          phenomenon: body.phenomenon,
          title: body.title,
          ...(body.team !== undefined ? { team } : {}),
          routing: routingOf(this.config),
        },
      },
      ctx,
    );
    res.status(result.alreadyHandled ? 200 : 201).location(`/api/investigations/${investigationId}`);
    return this.answer(investigationId, req, res);
  }

  @Post(':id/directing-authority')
  @HttpCode(200)
  @Allow(...WRITERS)
  @ApiOperation({ summary: 'Record the directing magistrate and their reference (an onderzoeksrechter makes it a gerechtelijk onderzoek)' })
  directingAuthority(
    @UuidParam('id') id: string,
    @Body() body: DirectingAuthorityRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<WriteAnswer> {
    return this.onCase(id, req, res, this.work, {
      type: 'RecordDirectingAuthority',
      data: { directingAuthority: { authority: body.authority, reference: body.reference }, kind: body.kind },
    });
  }

  @Post(':id/assignment')
  @HttpCode(200)
  @Allow('team_lead')
  @ApiOperation({ summary: 'Reassign to another team (named, or by the routing table); the history is kept' })
  assignTeam(
    @UuidParam('id') id: string,
    @Body() body: TeamAssignmentRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<WriteAnswer> {
    const team = body.team !== undefined ? this.knownTeam(body.team) : undefined;
    return this.onCase(id, req, res, this.assignment, {
      type: 'AssignInvestigationToTeam',
      data: { ...(team !== undefined ? { team } : {}), routing: routingOf(this.config), reason: body.reason },
    });
  }

  @Post(':id/lead-investigator')
  @HttpCode(200)
  @Allow('team_lead')
  @ApiOperation({ summary: 'Name the lead investigator (replacing one needs a reason); the history is kept' })
  lead(
    @UuidParam('id') id: string,
    @Body() body: LeadInvestigatorRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<WriteAnswer> {
    return this.onCase(id, req, res, this.assignment, {
      type: 'AssignLeadInvestigator',
      data: { staffId: body.staffId, ...(body.reason !== undefined ? { reason: body.reason } : {}) },
    });
  }

  @Post(':id/members')
  @HttpCode(200)
  @Allow('team_lead')
  @ApiOperation({ summary: 'Add a member to the investigation (need-to-know follows)' })
  addMember(
    @UuidParam('id') id: string,
    @Body() body: MemberRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<WriteAnswer> {
    return this.onCase(id, req, res, this.assignment, { type: 'AddTeamMember', data: { staffId: body.staffId } });
  }

  @Delete(':id/members/:staffId')
  @HttpCode(200)
  @Allow('team_lead')
  @ApiOperation({ summary: 'Remove a member, with a reason' })
  removeMember(
    @UuidParam('id') id: string,
    @Param('staffId') staffId: string,
    @Body() body: ReasonRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<WriteAnswer> {
    return this.onCase(id, req, res, this.assignment, { type: 'RemoveTeamMember', data: { staffId, reason: body.reason } });
  }

  @Post(':id/parties')
  @Allow(...WRITERS)
  @ApiOperation({ summary: 'Link a person with a role (suspect, victim, witness, other) and identified/traced status' })
  async linkParty(
    @UuidParam('id') id: string,
    @Body() body: LinkPartyRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<WriteAnswer & { partyLinkId: string }> {
    const partyLinkId = newRecordId('party-link', this.access.principal(req).staffId, req.header('idempotency-key') ?? undefined);
    const view = await this.onCase(id, req, res, this.work, {
      type: 'LinkParty',
      data: {
        partyLinkId,
        personId: body.personId ?? partyLinkId,
        displayName: body.displayName,
        role: body.role,
        identified: body.identified,
        traced: body.traced,
      },
    });
    res.status(201).location(`/api/investigations/${id}/parties/${partyLinkId}`);
    return { ...view, partyLinkId };
  }

  @Delete(':id/parties/:partyLinkId')
  @HttpCode(200)
  @Allow(...WRITERS)
  @ApiOperation({ summary: 'Unlink a person, with a reason (the link stays in the history)' })
  unlinkParty(
    @UuidParam('id') id: string,
    @Param('partyLinkId') partyLinkId: string,
    @Body() body: ReasonRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<WriteAnswer> {
    return this.onCase(id, req, res, this.work, { type: 'UnlinkParty', data: { partyLinkId, reason: body.reason } });
  }

  @Post(':id/parties/:partyLinkId/identification')
  @HttpCode(200)
  @Allow(...WRITERS)
  @ApiOperation({ summary: 'Record that the person was identified (and who they are)' })
  identify(
    @UuidParam('id') id: string,
    @Param('partyLinkId') partyLinkId: string,
    @Body() body: IdentifyPersonRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<WriteAnswer> {
    return this.onCase(id, req, res, this.work, { type: 'IdentifyPerson', data: { partyLinkId, personId: body.personId, how: body.how } });
  }

  @Post(':id/parties/:partyLinkId/tracing')
  @HttpCode(200)
  @Allow(...WRITERS)
  @ApiOperation({ summary: 'Record that the person was traced, when and where' })
  trace(
    @UuidParam('id') id: string,
    @Param('partyLinkId') partyLinkId: string,
    @Body() body: TracePersonRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<WriteAnswer> {
    return this.onCase(id, req, res, this.work, { type: 'TracePerson', data: { partyLinkId, tracedAt: body.tracedAt, place: body.place } });
  }

  @Post(':id/actions')
  @Allow(...WRITERS)
  @ApiOperation({
    summary:
      'Record an investigative action (hearing, house search, observation, camera/telephony/bank enquiry, ANPR, trace, arrest, before the magistrate); coercive ones need the directing authority',
  })
  async action(
    @UuidParam('id') id: string,
    @Body() body: RecordActionRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<WriteAnswer & { actionId: string }> {
    const principal = this.access.principal(req);
    for (const field of ACTION_FIELDS[body.kind]) {
      if (body[field] === undefined) throw problem(422, 'required', `A ${body.kind.replaceAll('_', ' ')} needs ${field}`, field);
    }
    const actionId = newRecordId('action', principal.staffId, req.header('idempotency-key') ?? undefined);
    const base: ActionData = {
      actionId,
      performedBy: body.performedBy ?? [principal.staffId],
      startedAt: body.startedAt,
      ...(body.endedAt !== undefined ? { endedAt: body.endedAt } : {}),
      ...(body.authorisation
        ? { authorisation: { authority: body.authorisation.authority, reference: body.authorisation.reference } }
        : {}),
      authorisationRules: { requiresAuthorisation: this.config.requiresAuthorisation },
    };
    const view = await this.onCase(id, req, res, this.work, actionCommand(body, base));
    res.status(201);
    return { ...view, actionId };
  }

  @Post(':id/tasks')
  @Allow(...WRITERS)
  @ApiOperation({ summary: 'Create a task with an assignee and a due date' })
  async createTask(
    @UuidParam('id') id: string,
    @Body() body: CreateTaskRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<WriteAnswer & { taskId: string }> {
    const taskId = newRecordId('task', this.access.principal(req).staffId, req.header('idempotency-key') ?? undefined);
    const view = await this.onCase(id, req, res, this.work, {
      type: 'CreateTask',
      data: { taskId, title: body.title, assignee: body.assignee, dueDate: body.dueDate },
    });
    res.status(201);
    return { ...view, taskId };
  }

  @Post(':id/tasks/:taskId/completion')
  @HttpCode(200)
  @Allow(...WRITERS)
  @ApiOperation({ summary: 'Complete a task (late when past its due date)' })
  completeTask(
    @UuidParam('id') id: string,
    @Param('taskId') taskId: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<WriteAnswer> {
    return this.onCase(id, req, res, this.work, { type: 'CompleteTask', data: { taskId } });
  }

  @Post(':id/parket-tasks')
  @Allow(...WRITERS)
  @ApiOperation({ summary: 'Record a parket task (kantschrift) received, with its deadline' })
  async receiveParketTask(
    @UuidParam('id') id: string,
    @Body() body: ReceiveParketTaskRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<WriteAnswer & { parketTaskId: string }> {
    const parketTaskId = newRecordId('parket-task', this.access.principal(req).staffId, req.header('idempotency-key') ?? undefined);
    const view = await this.onCase(id, req, res, this.work, {
      type: 'ReceiveParketTask',
      data: {
        parketTaskId,
        from: { authority: body.from.authority, reference: body.from.reference },
        description: body.description,
        deadline: body.deadline,
      },
    });
    res.status(201);
    return { ...view, parketTaskId };
  }

  @Post(':id/parket-tasks/:parketTaskId/distribution')
  @HttpCode(200)
  @Allow(...WRITERS)
  @ApiOperation({ summary: 'Distribute a parket task to someone (a later distribution replaces it)' })
  distributeParketTask(
    @UuidParam('id') id: string,
    @Param('parketTaskId') parketTaskId: string,
    @Body() body: DistributeParketTaskRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<WriteAnswer> {
    return this.onCase(id, req, res, this.work, {
      type: 'DistributeParketTask',
      data: { parketTaskId, assignee: body.assignee, ...(body.team !== undefined ? { team: body.team } : {}) },
    });
  }

  @Post(':id/parket-tasks/:parketTaskId/completion')
  @HttpCode(200)
  @Allow(...WRITERS)
  @ApiOperation({ summary: 'Complete a parket task with its result (late when past the deadline)' })
  completeParketTask(
    @UuidParam('id') id: string,
    @Param('parketTaskId') parketTaskId: string,
    @Body() body: CompleteParketTaskRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<WriteAnswer> {
    return this.onCase(id, req, res, this.work, { type: 'CompleteParketTask', data: { parketTaskId, result: body.result } });
  }

  @Post(':id/reports')
  @HttpCode(200)
  @Allow(...WRITERS)
  @ApiOperation({ summary: 'Join a report to the investigation: one referred for investigation, held by a case you may see' })
  async joinReport(
    @UuidParam('id') id: string,
    @Body() body: JoinReportRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<WriteAnswer> {
    const authorize: Authorize = async (r, state) => {
      this.work(r, state);
      await this.requireReport(r, body.reportId, 'reportId');
    };
    return this.onCase(id, req, res, authorize, {
      type: 'JoinReport',
      data: { reportId: body.reportId, ...(body.pvNumber !== undefined ? { pvNumber: body.pvNumber } : {}), reason: body.reason },
    });
  }

  @Post(':id/series-links')
  @HttpCode(200)
  @Allow(...WRITERS)
  @ApiOperation({ summary: 'Link the investigation in a series with another one you may see' })
  async addSeriesLink(
    @UuidParam('id') id: string,
    @Body() body: SeriesLinkRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<WriteAnswer> {
    const authorize: Authorize = async (r, state) => {
      this.work(r, state);
      await this.requireOtherInvestigation(r, id, body.otherInvestigationId, 'otherInvestigationId');
    };
    return this.onCase(id, req, res, authorize, {
      type: 'AddSeriesLink',
      data: { otherInvestigationId: body.otherInvestigationId, reason: body.reason },
    });
  }

  @Delete(':id/series-links/:otherInvestigationId')
  @HttpCode(200)
  @Allow(...WRITERS)
  @ApiOperation({ summary: 'Undo a series link, with a reason' })
  async removeSeriesLink(
    @UuidParam('id') id: string,
    @UuidParam('otherInvestigationId') otherInvestigationId: string,
    @Body() body: ReasonRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<WriteAnswer> {
    const authorize: Authorize = async (r, state) => {
      this.work(r, state);
      // A link to a case the writer may not know of is not in the case file they see: undoing it is
      // answered as for a link that does not exist, in the domain's own words.
      const unknowable = await this.access.unknowableTo(this.access.principal(r), [otherInvestigationId]);
      if (unknowable.has(otherInvestigationId)) throw seriesLinkNotFound();
    };
    return this.onCase(id, req, res, authorize, { type: 'RemoveSeriesLink', data: { otherInvestigationId, reason: body.reason } });
  }

  @Post(':id/report-to-magistrate')
  @HttpCode(200)
  @Allow(...WRITERS)
  @ApiOperation({ summary: 'Report the investigation to the magistrate (the lead investigator or a team lead)' })
  reportToMagistrate(
    @UuidParam('id') id: string,
    @Body() body: ReportToMagistrateRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<WriteAnswer> {
    return this.onCase(id, req, res, this.closing, {
      type: 'ReportToMagistrate',
      data: {
        to: { authority: body.to.authority, reference: body.to.reference },
        reportPvNumber: body.reportPvNumber,
        summary: body.summary,
      },
    });
  }

  @Post(':id/closure')
  @HttpCode(200)
  @Allow(...WRITERS)
  @ApiOperation({ summary: 'Close with an outcome (the lead investigator or a team lead)' })
  async close(
    @UuidParam('id') id: string,
    @Body() body: CloseInvestigationRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<WriteAnswer> {
    const mergedInto = body.mergedInto;
    const authorize: Authorize = async (r, state) => {
      this.closing(r, state);
      if (mergedInto !== undefined) await this.requireOtherInvestigation(r, id, mergedInto, 'mergedInto');
    };
    return this.onCase(id, req, res, authorize, {
      type: 'CloseInvestigation',
      data: {
        outcome: body.outcome,
        reason: body.reason,
        ...(body.transferredTo !== undefined ? { transferredTo: body.transferredTo } : {}),
        ...(body.mergedInto !== undefined ? { mergedInto: body.mergedInto } : {}),
      },
    });
  }

  @Post(':id/reopening')
  @HttpCode(200)
  @Allow(...WRITERS)
  @ApiOperation({ summary: 'Reopen a closed investigation, with a reason (the lead investigator or a team lead)' })
  reopen(
    @UuidParam('id') id: string,
    @Body() body: ReasonRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<WriteAnswer> {
    return this.onCase(id, req, res, this.closing, { type: 'ReopenInvestigation', data: { reason: body.reason } });
  }

  private readonly work: Authorize = (req, state) => void this.access.authorizeWrite(req, state);
  private readonly assignment: Authorize = (req, state) => this.access.authorizeAssignment(req, state);
  private readonly closing: Authorize = (req, state) => this.access.authorizeClosing(req, state);

  /**
   * Another investigation this one is to name (a series link, a merger): one the writer may see, else it
   * is an unknown id whether or not it exists (its existence must not leak). This case's own id is left
   * to the domain's rules.
   */
  private async requireOtherInvestigation(req: Request, id: string, otherId: string, field: string): Promise<void> {
    if (otherId === id) return;
    if (!(await this.access.mayNameInvestigation(this.access.principal(req), otherId))) {
      throw problem(422, 'unknown_investigation', 'There is no investigation with this id that you may name here.', field);
    }
  }

  /** A report this one is to name: known here (referred, see `mayNameReport`) and seen by the writer, else an unknown id. */
  private async requireReport(req: Request, reportId: string, field: string): Promise<void> {
    if (!(await this.access.mayNameReport(this.access.principal(req), reportId))) {
      throw problem(422, 'unknown_report', 'There is no report with this id, referred for investigation, that you may name here.', field);
    }
  }

  private knownTeam(team: string): string {
    const key = teamKey(team);
    if (!this.config.teams.includes(key))
      throw problem(422, 'unknown_team', `The zone has no team "${team}"; its teams: ${this.config.teams.join(', ')}.`, 'team');
    return key;
  }

  /** The command on the case, with the object-level check on the state the command loads (one read of the stream). */
  private async onCase(id: string, req: Request, res: Response, authorize: Authorize, command: Envelope): Promise<WriteAnswer> {
    const ctx = requestContext(req, this.access.actor(this.access.principal(req)));
    let before: RecordedEvent[] = [];
    const result = await this.investigations.handle(id, command, {
      ...ctx,
      authorize: async (loaded) => {
        before = loaded.events;
        await authorize(req, this.access.opened(loaded).state);
      },
    });
    return this.answerFrom(req, res, id, await this.after(id, before, result));
  }

  /** The case after a command, from the events it was decided on and those it appended (read again only if they do not add up). */
  private async after(id: string, before: RecordedEvent[], result: CommandResult<InvestigationState>): Promise<LoadedInvestigation> {
    const events = streamAfter(before, result);
    return events ? this.access.opened({ state: result.state, version: result.version, events }) : this.access.current(id);
  }

  /**
   * The case file after the command, from its stream (the read model may trail), as the writer may see
   * it: without the other investigations they may not know of. A writer who may no longer see the case
   * (they moved it to another team) gets its id and version only: a write answer is no consultation.
   */
  private async answer(id: string, req: Request, res: Response): Promise<WriteAnswer> {
    return this.answerFrom(req, res, id, await this.access.current(id));
  }

  private async answerFrom(req: Request, res: Response, id: string, loaded: LoadedInvestigation): Promise<WriteAnswer> {
    const principal = this.access.principal(req);
    if (!this.access.canSee(principal, this.access.resource(loaded.state))) return { id, version: loaded.version };
    setEtag(res, loaded.version);
    const hidden = await this.access.unknowableTo(principal, otherInvestigationsNamed(loaded.events));
    return { id, version: loaded.version, investigation: withoutHidden(caseFile(loaded.events, loaded.state)!, hidden) };
  }
}

function actionCommand(b: RecordActionRequest, base: ActionData): Envelope {
  switch (b.kind) {
    case 'hearing':
      return {
        type: 'RecordHearing',
        data: {
          ...base,
          partyLinkId: b.partyLinkId!,
          endedAt: b.endedAt!,
          deferredSalduz: b.deferredSalduz!,
          minor: b.minor!,
          legalAssistance:
            b.legalAssistance!.kind === 'present'
              ? { kind: 'present', lawyer: b.legalAssistance!.lawyer ?? '' }
              : { kind: b.legalAssistance!.kind },
          ...(b.interpreter ? { interpreter: { language: b.interpreter.language, name: b.interpreter.name } } : {}),
        },
      };
    case 'house_search':
      return { type: 'RecordHouseSearch', data: { ...base, address: b.address!, findings: b.findings! } };
    case 'observation':
      return { type: 'RecordObservation', data: { ...base, target: b.target! } };
    case 'camera_enquiry':
      return { type: 'RecordCameraFootageRequest', data: { ...base, source: b.source!, periodFrom: b.periodFrom!, periodTo: b.periodTo! } };
    case 'telephony_enquiry':
      return { type: 'RecordTelephonyEnquiry', data: { ...base, subject: b.subject!, scope: b.scope! } };
    case 'bank_enquiry':
      return { type: 'RecordBankEnquiry', data: { ...base, institution: b.institution!, subject: b.subject! } };
    case 'anpr_lookup':
      return {
        type: 'RecordAnprLookup',
        data: { ...base, plate: b.plate!, periodFrom: b.periodFrom!, periodTo: b.periodTo!, hits: b.hits! },
      };
    case 'trace_collection':
      return { type: 'RecordTraceCollection', data: { ...base, description: b.description!, place: b.place! } };
    case 'arrest':
      return { type: 'RecordArrest', data: { ...base, partyLinkId: b.partyLinkId!, place: b.place! } };
    case 'brought_before_magistrate':
      return { type: 'RecordBringingBeforeMagistrate', data: { ...base, partyLinkId: b.partyLinkId!, magistrate: b.magistrate! } };
  }
}
