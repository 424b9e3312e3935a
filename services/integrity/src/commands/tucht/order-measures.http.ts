import { Body, Controller, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AggregateCommands, newRecordId, RecordedEvent, streamAfter } from '@police/event-store';
import { EVENT_SOURCING, problem, ProblemException, requestContext, ServiceEventSourcing, setEtag, UuidParam } from '@police/platform';
import { Allow } from '@police/security';
import type { Request, Response } from 'express';
import { Actor } from '../../domain/integrity.decide';
import { LinkedComplaint, OrderMeasureCommand, OrderMeasureState } from '../../domain/order-measure.decide';
import { OrderMeasureEvent } from '../../domain/order-measure.events';
import { IntegrityAccess, TUCHT_ROLES } from '../../integrity.access';
import { orderMeasureAggregate } from '../../integrity.aggregates';
import { INTEGRITY_CONFIG, IntegrityConfig } from '../../integrity.config';
import { OrderMeasureRow } from '../../read-model/tucht/tucht.read-model';
import { OrderMeasureView, orderMeasureView } from '../../read-model/tucht/tucht.view';
import { FollowUpOrderMeasureRequest, RecordOrderMeasureRequest } from './tucht.request';

/**
 * Order measures (ordemaatregelen, R-INT-13): recorded and followed up by Bureau Tucht. The staff member a
 * measure is toward gets the 404 of a missing id on every route, whatever their role.
 */
@ApiTags('order-measures')
@Controller('order-measures')
export class OrderMeasureCommandsController {
  private readonly measures: AggregateCommands<OrderMeasureState, OrderMeasureEvent, OrderMeasureCommand, Actor>;

  constructor(
    @Inject(EVENT_SOURCING) es: ServiceEventSourcing,
    private readonly access: IntegrityAccess,
    @Inject(INTEGRITY_CONFIG) private readonly config: IntegrityConfig,
  ) {
    this.measures = es.commands(orderMeasureAggregate);
  }

  @Post()
  @Allow(...TUCHT_ROLES)
  @ApiOperation({
    summary:
      'Record an order measure a competent authority decided (kinds and authorities are configuration; Idempotency-Key makes a retry return the first result)',
  })
  async record(
    @Body() body: RecordOrderMeasureRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OrderMeasureView> {
    const principal = this.access.principal(req);
    if (body.staffId === principal.staffId) {
      throw problem(422, 'order_measure_names_recorder', 'An order measure toward you must be recorded by someone else.', 'staffId');
    }
    const complaint = body.complaintId === undefined ? undefined : await this.linkedComplaint(req, body.complaintId);
    const ctx = requestContext(req, this.access.actor(principal));
    const measureId = newRecordId('order-measure', principal.staffId, ctx.idempotencyKey);
    const result = await this.measures.handle(
      measureId,
      {
        type: 'RecordOrderMeasure',
        data: {
          measureId,
          staffId: body.staffId,
          kind: body.kind,
          authority: body.authority,
          reason: body.reason,
          decidedOn: body.decidedOn,
          startsOn: body.startsOn,
          ...(body.endsOn !== undefined && { endsOn: body.endsOn }),
          ...(complaint !== undefined && { complaint }),
          config: this.config.orderMeasures,
        },
      },
      ctx,
    );
    res.status(result.alreadyHandled ? 200 : 201).location(`/api/integrity/order-measures/${measureId}`);
    return this.answer(res, measureId);
  }

  @Post(':id/follow-ups')
  @Allow(...TUCHT_ROLES)
  @ApiOperation({ summary: 'Follow up an order measure: extended or lifted (by a competent authority), ended, or a note' })
  async followUp(
    @UuidParam('id') id: string,
    @Body() body: FollowUpOrderMeasureRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OrderMeasureView> {
    const ctx = requestContext(req, this.access.actor(this.access.principal(req)));
    let before: RecordedEvent[] = [];
    const result = await this.measures.handle(
      id,
      {
        type: 'FollowUpOrderMeasure',
        data: {
          action: body.action,
          on: body.on,
          note: body.note,
          ...(body.endsOn !== undefined && { endsOn: body.endsOn }),
          ...(body.authority !== undefined && { authority: body.authority }),
          config: this.config.orderMeasures,
        },
      },
      {
        ...ctx,
        authorize: (loaded) => {
          before = loaded.events;
          this.access.authorizeWriteResource(req, this.access.measureResource(this.access.measureRowOf(loaded.events)));
        },
      },
    );
    res.status(201);
    const after = streamAfter(before, result);
    return this.answer(res, id, after && this.access.measureRowOf(after));
  }

  /** The complaint named, if the recorder may see it; otherwise it is as unknown as a missing one. */
  private async linkedComplaint(req: Request, complaintId: string): Promise<LinkedComplaint> {
    const unknown = () => problem(422, 'unknown_complaint', 'There is no complaint with this id that you may see.', 'complaintId');
    const row = await this.access.currentRow(complaintId).catch((e: unknown) => {
      throw e instanceof ProblemException && e.getStatus() === 404 ? unknown() : e;
    });
    if (!this.access.canSee(this.access.principal(req), row)) throw unknown();
    return { complaintId: row.id, registerNumber: row.registerNumber, staffConcerned: row.staffConcerned };
  }

  private async answer(res: Response, id: string, current?: OrderMeasureRow): Promise<OrderMeasureView> {
    const row = current ?? (await this.access.currentMeasure(id));
    setEtag(res, row.version);
    return orderMeasureView(row);
  }
}
