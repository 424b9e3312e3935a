import { Body, Controller, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AggregateCommands, CommandInput, CommandResult, newRecordId } from '@police/event-store';
import {
  EVENT_SOURCING,
  IfMatchRequired,
  problem,
  requestContext,
  requireIfMatch,
  ServiceEventSourcing,
  setEtag,
  UuidParam,
} from '@police/platform';
import { Allow } from '@police/security';
import type { Request, Response } from 'express';
import { PartyRef } from '../../domain/evidence.events';
import { Actor } from '../../domain/evidence.decide';
import { ItemEvent } from '../../domain/item.events';
import { ItemState } from '../../domain/item.state';
import { EvidenceAccess } from '../../evidence.access';
import { itemAggregate } from '../../evidence.aggregates';
import { EVIDENCE_CONFIG, EvidenceConfig } from '../../evidence.config';
import { ItemView, itemView } from '../../read-model/items/item.view';
import { LabelNumbers } from '../../evidence.label-numbers';
import {
  AcceptHandoverRequest,
  CheckInRequest,
  CheckOutRequest,
  DeclineHandoverRequest,
  DisposalDecisionRequest,
  ExecuteDisposalRequest,
  LabResultRequest,
  OfferHandoverRequest,
  RegisterItemRequest,
  ResealRequest,
  SubmitToLabRequest,
  WithdrawHandoverRequest,
} from './items.request';
import { ItemCommand } from '../../domain/item.decide';

/** Commands on seized items and traces: registration, two-party handovers, storage, lab, disposal. */
@ApiTags('items')
@Controller('items')
export class ItemCommandsController {
  private readonly items: AggregateCommands<ItemState, ItemEvent, ItemCommand, Actor>;

  constructor(
    @Inject(EVENT_SOURCING) es: ServiceEventSourcing,
    private readonly access: EvidenceAccess,
    private readonly labels: LabelNumbers,
    @Inject(EVIDENCE_CONFIG) private readonly config: EvidenceConfig,
  ) {
    this.items = es.commands(itemAggregate);
  }

  @Post()
  @Allow('detective', 'team_lead', 'evidence_officer', 'lab_liaison')
  @ApiOperation({ summary: 'Register a seized item or trace (Idempotency-Key makes a retry return the first result)' })
  async register(@Body() body: RegisterItemRequest, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<ItemView> {
    if (!body.investigationId && !body.pvNumber)
      throw problem(422, 'case_reference_required', 'Give the investigation id, the PV number, or both.', 'investigationId');
    const principal = this.access.principal(req);
    if (body.investigationId) {
      const kase = await this.access.caseForNewItem(req, body.investigationId);
      if (kase.status === 'closed')
        throw problem(409, 'investigation_closed', `Investigation ${body.investigationId} is closed.`, 'investigationId');
    }
    const ctx = requestContext(req, this.access.actor(principal));
    const itemId = newRecordId('item', principal.staffId, ctx.idempotencyKey);
    const labelNumber = await this.labels.next(ctx.now);
    const result = await this.items.handle(
      itemId,
      {
        type: 'RegisterItem',
        data: {
          itemId,
          labelNumber,
          ...(body.investigationId ? { investigationId: body.investigationId } : {}),
          ...(body.pvNumber ? { pvNumber: body.pvNumber } : {}),
          description: body.description,
          category: body.category,
          quantity: { amount: body.quantity.amount, unit: body.quantity.unit },
          sealNumber: body.sealNumber,
          packaging: body.packaging,
          condition: body.condition,
          seizedBy: body.seizedBy,
          seizedAt: body.seizedAt,
          seizedPlace: body.seizedPlace,
          legalBasis: body.legalBasis,
          attachments: body.attachments ?? [],
          ...(body.custodian ? { custodian: body.custodian } : {}),
        },
      },
      ctx,
    );
    res.status(result.alreadyHandled ? 200 : 201).location(`/api/evidence/items/${itemId}`);
    return this.answer(res, result);
  }

  @Post(':id/reseal')
  @HttpCode(200)
  @Allow('detective', 'team_lead', 'evidence_officer', 'lab_liaison')
  @ApiOperation({ summary: 'Record a new seal (e.g. after a lab opened the packaging)' })
  async reseal(
    @UuidParam('id') id: string,
    @Body() body: ResealRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ItemView> {
    return this.onItem(id, req, res, (s) => this.custodianOf(s), {
      type: 'ResealItem',
      data: { sealNumber: body.sealNumber, reason: body.reason },
    });
  }

  @Post(':id/handovers')
  @IfMatchRequired()
  @Allow('detective', 'team_lead', 'evidence_officer', 'lab_liaison')
  @ApiOperation({ summary: 'Offer custody to a named recipient (If-Match required); custody passes only when they accept' })
  async offer(
    @UuidParam('id') id: string,
    @Body() body: OfferHandoverRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ItemView & { handoverId: string }> {
    const handoverId = newRecordId('handover', this.access.principal(req).staffId, req.header('idempotency-key') ?? undefined);
    const view = await this.onItem(
      id,
      req,
      res,
      (s) => this.custodianOf(s),
      {
        type: 'OfferCustody',
        data: {
          handoverId,
          to: body.to,
          purpose: body.purpose,
          method: body.method,
          sealIntact: body.sealIntact,
          ...(body.note ? { note: body.note } : {}),
        },
      },
      { requireIfMatch: true },
    );
    res.status(201).location(`/api/evidence/items/${id}/handovers/${handoverId}`);
    const state = view.item;
    return { ...view, handoverId: state.status === 'held' && state.openOffer ? state.openOffer.handoverId : handoverId };
  }

  @Post(':id/handovers/:handoverId/accept')
  @HttpCode(200)
  @Allow('detective', 'team_lead', 'evidence_officer', 'lab_liaison')
  @ApiOperation({ summary: 'Accept an offered handover: custody passes to you, with the seal and condition you found' })
  async accept(
    @UuidParam('id') id: string,
    @Param('handoverId') handoverId: string,
    @Body() body: AcceptHandoverRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ItemView> {
    return this.onItem(id, req, res, (s) => this.recipientOf(s), { type: 'AcceptCustody', data: { handoverId, ...body } });
  }

  @Post(':id/handovers/:handoverId/decline')
  @HttpCode(200)
  @Allow('detective', 'team_lead', 'evidence_officer', 'lab_liaison')
  async decline(
    @UuidParam('id') id: string,
    @Param('handoverId') handoverId: string,
    @Body() body: DeclineHandoverRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ItemView> {
    return this.onItem(id, req, res, (s) => this.recipientOf(s), { type: 'DeclineCustody', data: { handoverId, reason: body.reason } });
  }

  @Post(':id/handovers/:handoverId/withdraw')
  @HttpCode(200)
  @Allow('detective', 'team_lead', 'evidence_officer', 'lab_liaison')
  async withdraw(
    @UuidParam('id') id: string,
    @Param('handoverId') handoverId: string,
    @Body() body: WithdrawHandoverRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ItemView> {
    return this.onItem(id, req, res, (s) => this.custodianOf(s), {
      type: 'WithdrawCustodyOffer',
      data: { handoverId, ...(body.reason ? { reason: body.reason } : {}) },
    });
  }

  @Post(':id/check-in')
  @HttpCode(200)
  @Allow('detective', 'team_lead', 'evidence_officer')
  @ApiOperation({ summary: 'Put the item in a storage location (room / locker / shelf)' })
  async checkIn(
    @UuidParam('id') id: string,
    @Body() body: CheckInRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ItemView> {
    return this.onItem(id, req, res, (s) => this.custodianOf(s), { type: 'CheckInItem', data: { location: body.location } });
  }

  @Post(':id/check-out')
  @HttpCode(200)
  @Allow('evidence_officer', 'detective', 'team_lead')
  @ApiOperation({ summary: 'Take the item out of storage for examination or court, with an expected return' })
  async checkOut(
    @UuidParam('id') id: string,
    @Body() body: CheckOutRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ItemView> {
    return this.onItem(id, req, res, (s) => this.custodianOf(s), {
      type: 'CheckOutItem',
      data: {
        purpose: body.purpose,
        takenBy: body.takenBy,
        expectedReturnAt: body.expectedReturnAt,
        ...(body.note ? { note: body.note } : {}),
      },
    });
  }

  @Post(':id/return')
  @HttpCode(200)
  @Allow('evidence_officer', 'detective', 'team_lead')
  async returnItem(
    @UuidParam('id') id: string,
    @Body() body: CheckInRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ItemView> {
    return this.onItem(id, req, res, (s) => this.custodianOf(s), { type: 'ReturnItem', data: { location: body.location } });
  }

  @Post(':id/lab-submissions')
  @Allow('detective', 'team_lead', 'evidence_officer', 'lab_liaison')
  @ApiOperation({ summary: 'Submit the item to a lab: a handover to the lab with the requested examination' })
  async submitToLab(
    @UuidParam('id') id: string,
    @Body() body: SubmitToLabRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ItemView & { submissionId: string }> {
    const submissionId = newRecordId('lab-submission', this.access.principal(req).staffId, req.header('idempotency-key') ?? undefined);
    const view = await this.onItem(id, req, res, (s) => this.custodianOf(s), {
      type: 'SubmitToLab',
      data: {
        submissionId,
        laboratory: body.laboratory,
        analysis: body.analysis,
        request: body.request,
        method: body.method,
        sealIntact: body.sealIntact,
      },
    });
    res.status(201);
    return { ...view, submissionId };
  }

  @Post(':id/lab-submissions/:submissionId/result')
  @HttpCode(200)
  @Allow('lab_liaison', 'evidence_officer')
  @ApiOperation({ summary: 'Record the lab result (summary and the report by hash)' })
  async labResult(
    @UuidParam('id') id: string,
    @Param('submissionId') submissionId: string,
    @Body() body: LabResultRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ItemView> {
    return this.onItem(id, req, res, (s) => (s.status === 'unregistered' ? undefined : s.labSubmissions[submissionId]?.laboratory), {
      type: 'RecordLabResult',
      data: { submissionId, ...body },
    });
  }

  @Post(':id/disposal-decision')
  @HttpCode(200)
  @Allow('evidence_officer', 'team_lead')
  @ApiOperation({ summary: 'Record the magistrate’s or parket’s decision on the item’s final disposition' })
  async decision(
    @UuidParam('id') id: string,
    @Body() body: DisposalDecisionRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ItemView> {
    return this.onItem(id, req, res, (s) => this.custodianOf(s), { type: 'RecordDisposalDecision', data: body });
  }

  @Post(':id/disposal')
  @HttpCode(200)
  @Allow('evidence_officer')
  @ApiOperation({ summary: 'Execute the recorded disposal decision (witnesses where required, receipt)' })
  async dispose(
    @UuidParam('id') id: string,
    @Body() body: ExecuteDisposalRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ItemView> {
    return this.onItem(id, req, res, (s) => this.custodianOf(s), {
      type: 'ExecuteDisposal',
      data: {
        decisionRef: body.decisionRef,
        witnesses: body.witnesses,
        receiptRef: body.receiptRef,
        ...(body.handedTo ? { handedTo: body.handedTo } : {}),
        witnessRules: this.config.witnessRules,
      },
    });
  }

  private custodianOf(s: ItemState): PartyRef | undefined {
    return s.status === 'unregistered' ? undefined : s.custodian;
  }

  private recipientOf(s: ItemState): PartyRef | undefined {
    return s.status === 'held' ? (s.openOffer?.to ?? undefined) : undefined;
  }

  /**
   * The command on the item, with the object-level check on the state the command loads (one read of
   * the stream), and an actor who may act for the party at hand in that state.
   */
  private async onItem(
    id: string,
    req: Request,
    res: Response,
    partyAtHand: (s: ItemState) => PartyRef | undefined,
    command: CommandInput<ItemCommand>,
    options: { requireIfMatch?: boolean } = {},
  ): Promise<ItemView> {
    const principal = this.access.principal(req);
    const ctx = requestContext(req, this.access.actor(principal));
    const result = await this.items.handle(id, command, {
      ...ctx,
      authorize: async (loaded) => {
        await this.access.authorizeWrite(req, await this.access.rowOf(id, loaded));
        if (options.requireIfMatch) requireIfMatch(ctx, 'item');
      },
      actorFor: (s) => this.access.actor(principal, partyAtHand(s)),
    });
    return this.answer(res, result);
  }

  private answer(res: Response, result: CommandResult<ItemState>): ItemView {
    setEtag(res, result.version);
    return itemView(result.state, result.version)!;
  }
}
