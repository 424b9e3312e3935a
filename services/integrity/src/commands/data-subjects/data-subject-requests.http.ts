import { Body, Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AggregateCommands, newRecordId } from '@police/event-store';
import { EVENT_SOURCING, requestContext, ServiceEventSourcing, setEtag, UuidParam } from '@police/platform';
import { Allow } from '@police/security';
import type { Request, Response } from 'express';
import { DataSubjectRequestCommand, DataSubjectRequestState } from '../../domain/data-subject-request.decide';
import { DataSubjectRequestEvent } from '../../domain/data-subject-request.events';
import { integrityDataSubjectRequestStream } from '../../domain/integrity.stream';
import { Actor } from '../../domain/integrity.decide';
import { dataSubjectRequestResource, IntegrityAccess } from '../../integrity.access';
import { dataSubjectRequestAggregate } from '../../integrity.aggregates';
import { evolveDataSubjectRequestView, DataSubjectRequestView } from '../../read-model/data-subjects/data-subject-request.view';
import { DecideDataSubjectRequestRequest, ReceiveDataSubjectRequestRequest } from './data-subject-requests.request';

/**
 * The DPO's register of data-subject requests (LED art. 14–17; ADR 0056): each request, then the DPO's decision on
 * it — what the requester's report discloses, what is withheld and on what ground, which records were restricted —
 * as events of their own, sealed in the DPO's compartment.
 */
@ApiTags('data-subjects')
@Controller('data-subject-requests')
export class DataSubjectRequestCommandsController {
  private readonly requests: AggregateCommands<DataSubjectRequestState, DataSubjectRequestEvent, DataSubjectRequestCommand, Actor>;

  constructor(
    @Inject(EVENT_SOURCING) private readonly es: ServiceEventSourcing,
    private readonly access: IntegrityAccess,
  ) {
    this.requests = es.commands(dataSubjectRequestAggregate);
  }

  @Post()
  @Allow('dpo')
  @ApiOperation({
    summary: 'Record a data-subject request (access, restriction, erasure): who asked, when, how their identity was checked',
  })
  async receive(
    @Body() body: ReceiveDataSubjectRequestRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DataSubjectRequestView> {
    const principal = this.access.principal(req);
    const ctx = requestContext(req, this.access.actor(principal));
    const requestId = newRecordId('data-subject-request', principal.staffId, ctx.idempotencyKey);
    const result = await this.requests.handle(
      requestId,
      {
        type: 'ReceiveDataSubjectRequest',
        data: { requestId, kind: body.kind, subject: { ...body.subject }, receivedOn: body.receivedOn, identityCheck: body.identityCheck },
      },
      ctx,
    );
    res.status(result.alreadyHandled ? 200 : 201).location(`/api/integrity/data-subject-requests/${requestId}`);
    return this.answer(res, requestId);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Allow('dpo')
  @ApiOperation({
    summary: "Record the DPO's decision on a request: the records disclosed, those withheld with their ground, those restricted or erased",
  })
  async decide(
    @UuidParam('id') id: string,
    @Body() body: DecideDataSubjectRequestRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DataSubjectRequestView> {
    const ctx = requestContext(req, this.access.actor(this.access.principal(req)));
    await this.requests.handle(
      id,
      {
        type: 'DecideDataSubjectRequest',
        data: {
          disclosed: body.disclosed,
          withheld: body.withheld,
          restricted: body.restricted,
          ...(body.erased !== undefined && { erased: body.erased }),
          ...(body.note !== undefined && { note: body.note }),
        },
      },
      { ...ctx, authorize: () => void this.access.authorizeWriteResource(req, dataSubjectRequestResource(id)) },
    );
    return this.answer(res, id);
  }

  /** The request as its stream has it now (the read model trails by a moment). */
  private async answer(res: Response, id: string): Promise<DataSubjectRequestView> {
    const stream = await this.es.store.readStream(integrityDataSubjectRequestStream(id));
    let view: DataSubjectRequestView | null = null;
    for (const e of stream.events) view = evolveDataSubjectRequestView(view, { type: e.type, data: e.data } as DataSubjectRequestEvent);
    setEtag(res, stream.currentVersion);
    return view!;
  }
}
