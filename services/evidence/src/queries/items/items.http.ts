import { Controller, Get, Header, Inject, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { keptPage, ListOrder, problem, setEtag, UuidParam, ApiProblems } from '@police/platform';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { loadState } from '@police/event-store';
import { Allow, Consults, ProtectedResource, resourceNotFound, SearchRateLimit } from '@police/security';
import type { Request, Response } from 'express';
import { Brackets } from 'typeorm';
import { itemStream } from '../../domain/evidence.stream';
import { Party, PartyKind, PartyRef } from '../../domain/evidence.events';
import { ItemCategory, ItemEvent } from '../../domain/item.events';
import { evolveItem, initialItemState, ItemState, OpenOffer } from '../../domain/item.state';
import { EvidenceAccess } from '../../evidence.access';
import { EVIDENCE_CONFIG, EvidenceConfig } from '../../evidence.config';
import { AsOfQuery, ListItemsQuery } from './items.query';
import { certificatePdf, labelSvg } from '../custody/custody.document';
import { CustodyEntry, custodyEntry } from '../custody/custody-record.document';
import { ItemRow } from '../../read-model/items/item.read-model';
import { ItemView, itemView } from '../../read-model/items/item.view';

const READERS = ['detective', 'team_lead', 'evidence_officer', 'lab_liaison', 'chief'] as const;

/** The items list's order, newest first: the index `items_list_order` walks it. */
const ITEM_LIST_ORDER: ListOrder<ItemRow> = {
  key: 'i.registeredAt',
  keyType: 'timestamptz',
  id: 'i.id',
  position: (row) => [new Date(row.registeredAt).toISOString(), row.id],
};

interface ItemListEntry {
  id: string;
  labelNumber: string;
  investigationId: string | null;
  pvNumber: string | null;
  category: ItemCategory;
  description: string;
  status: 'held' | 'disposed';
  whereabouts: 'with_custodian' | 'in_storage' | 'checked_out' | null;
  custodian: Party;
  location: string | null;
  expectedReturnAt: string | null;
  /** Who took a checked-out item out (staff number), and why; null unless checked out. */
  takenBy: string | null;
  checkOutPurpose: string | null;
  /** The seal number on record. */
  sealNumber: string;
  /** The handover waiting for its recipient, if any. */
  openOffer: OpenOffer | null;
  version: number;
}

/** Items out of the storage room and those past their expected return: counts only. */
interface ItemStatistics {
  at: string;
  checkedOut: number;
  overdue: number;
  /** The earliest expected return among overdue items; null without one. */
  oldestDueAt: string | null;
}

/** Reading items: one item (now or as it stood then), lists, overdue items, labels, custody record. */
@ApiTags('items')
@Controller('items')
export class ItemQueriesController {
  constructor(
    private readonly access: EvidenceAccess,
    @Inject(EVIDENCE_CONFIG) private readonly config: EvidenceConfig,
  ) {}

  @Get()
  @ApiProblems(422)
  @SearchRateLimit()
  @Allow(...READERS)
  @Consults('evidence_item')
  @ApiOperation({
    summary: 'Items you may see, filtered by case (investigation id or PV number), label number, status, custodian, location',
  })
  async list(
    @Query() q: ListItemsQuery,
    @Req() req: Request,
  ): Promise<{ items: ItemListEntry[]; limit: number; offset: number; next: string | null }> {
    const limit = Math.min(q.limit ?? 50, 200);
    const offset = q.offset ?? 0;
    const qb = this.access.eventSourcing.dataSource.getRepository(ItemRow).createQueryBuilder('i');
    if (q.caseId)
      qb.andWhere(
        new Brackets((w) => w.where('CAST(i.investigationId AS text) = :c', { c: q.caseId }).orWhere('i.pvNumber = :c', { c: q.caseId })),
      );
    if (q.labelNumber) qb.andWhere('i.labelNumber = :lb', { lb: q.labelNumber.trim().toUpperCase() });
    if (q.status) qb.andWhere('i.status = :s', { s: q.status });
    if (q.custodian) qb.andWhere('i.custodianId = :cu', { cu: q.custodian });
    if (q.location) qb.andWhere('(i.location = :l OR i.location LIKE :lp)', { l: q.location, lp: `${q.location} / %` });
    if (q.custodianKind) qb.andWhere('i.custodianKind = :ck', { ck: q.custodianKind });
    if (q.handover) qb.andWhere("i.status = 'held' AND jsonb_typeof(i.state->'openOffer') = 'object'");
    // Who sees an item depends on the case directory and on what the reader acts for: judged here, a chunk of the
    // list's order at a time, until the page is full (not the whole table).
    const principal = this.access.principal(req);
    const page = await keptPage(
      qb,
      ITEM_LIST_ORDER,
      { limit, offset, ...(q.after === undefined ? {} : { after: q.after }) },
      async (rows) => this.access.visible(principal, q.handover ? this.onHandover(req, rows, q.handover) : rows),
      (kept) => kept.row,
    );
    return { ...(await this.listed(req, page.kept)), limit, offset, next: page.next ?? null };
  }

  @Get('statistics')
  @SearchRateLimit()
  @Allow('chief')
  @ApiOperation({
    summary: 'How many items are checked out, and how many of them are past their expected return, for the chief: counts only, no item',
  })
  async statistics(): Promise<ItemStatistics> {
    const r = await this.access.eventSourcing.dataSource
      .getRepository(ItemRow)
      .createQueryBuilder('i')
      .select('COUNT(*)::int', 'checkedOut')
      .addSelect('COUNT(*) FILTER (WHERE i.expectedReturnAt < now())::int', 'overdue')
      .addSelect('MIN(i.expectedReturnAt) FILTER (WHERE i.expectedReturnAt < now())', 'oldest')
      .where("i.whereabouts = 'checked_out'")
      .getRawOne<{ checkedOut: number; overdue: number; oldest: Date | string | null }>();
    return {
      at: new Date().toISOString(),
      checkedOut: Number(r?.checkedOut ?? 0),
      overdue: Number(r?.overdue ?? 0),
      oldestDueAt: r?.oldest ? new Date(r.oldest).toISOString() : null,
    };
  }

  @Get('overdue')
  @SearchRateLimit()
  @Allow('evidence_officer', 'team_lead', 'chief')
  @Consults('evidence_item')
  @ApiOperation({ summary: 'Items checked out whose expected return has passed' })
  async overdue(@Req() req: Request): Promise<{ items: ItemListEntry[] }> {
    const rows = this.access.eventSourcing.dataSource
      .getRepository(ItemRow)
      .createQueryBuilder('i')
      .where("i.whereabouts = 'checked_out' AND i.expectedReturnAt < now()")
      .orderBy('i.expectedReturnAt')
      .getMany();
    return { items: (await this.visible(req, rows, 500, 0)).items };
  }

  @Get(':id')
  @Allow(...READERS)
  @Consults('evidence_item')
  @ApiOperation({ summary: 'One item; with ?asOf=<ISO time> as it stood then' })
  async get(
    @UuidParam('id') id: string,
    @Query() q: AsOfQuery,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ItemView & { asOf?: string }> {
    const row = await this.access.row(id);
    const granted = await this.access.authorizeRead(req, row);
    res.setHeader('X-Access-Basis', granted.basis);
    if (!q.asOf) {
      setEtag(res, row.version);
      return itemView(row.state, row.version)!;
    }
    const asOf = new Date(q.asOf);
    const { state, version } = await loadState<ItemState, ItemEvent>(this.access.eventSourcing.store, itemStream(id), {
      evolve: evolveItem,
      initialState: initialItemState,
      asOf,
    });
    const view = itemView(state, version);
    if (!view) throw problem(404, 'item_not_registered_then', `Item ${id} was not registered yet at ${asOf.toISOString()}.`, 'asOf');
    return { ...view, asOf: asOf.toISOString() };
  }

  @Get(':id/label')
  @Allow(...READERS)
  @Consults('evidence_item')
  @Header('Content-Type', 'image/svg+xml; charset=utf-8')
  @ApiProduces('image/svg+xml')
  @ApiOperation({ summary: 'Printable label (SVG) with a QR code of the item id' })
  async label(@UuidParam('id') id: string, @Req() req: Request): Promise<string> {
    const row = await this.access.row(id);
    await this.access.authorizeRead(req, row);
    if (row.state.status === 'unregistered') throw resourceNotFound('evidence_item');
    return labelSvg(row.state);
  }

  @Get(':id/custody')
  @Allow(...READERS)
  @Consults('evidence_item')
  @ApiOperation({ summary: 'The custody record: every event with actor, time, place, purpose and its chain hash' })
  async custody(@UuidParam('id') id: string, @Req() req: Request): Promise<{ itemId: string; entries: CustodyEntry[] }> {
    const row = await this.access.row(id);
    await this.access.authorizeRead(req, row);
    const { events } = await this.access.eventSourcing.store.readStream(itemStream(id));
    return { itemId: id, entries: events.map(custodyEntry) };
  }

  @Get(':id/custody/verify')
  @Allow(...READERS)
  @Consults('evidence_item')
  @ApiOperation({ summary: 'Recompute the item’s hash chain from the stored events' })
  async verify(
    @UuidParam('id') id: string,
    @Req() req: Request,
  ): Promise<
    | { ok: true; events: number; headHash: string; itemId: string }
    | { ok: false; events: number; brokenAt: { streamVersion: number; eventId: string; reason: 'content' | 'link' }; itemId: string }
  > {
    const row = await this.access.row(id);
    await this.access.authorizeRead(req, row);
    return { itemId: id, ...(await this.access.eventSourcing.store.verifyStream(itemStream(id))) };
  }

  @Get(':id/certificate')
  @Allow(...READERS)
  @Consults('evidence_item')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'Custody certificate (PDF) listing the whole chain with the head hash' })
  async certificate(@UuidParam('id') id: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const row = await this.access.row(id);
    await this.access.authorizeRead(req, row);
    if (row.state.status === 'unregistered') throw resourceNotFound('evidence_item');
    const store = this.access.eventSourcing.store;
    const [{ events }, verification] = [await store.readStream(itemStream(id)), await store.verifyStream(itemStream(id))];
    const principal = this.access.principal(req);
    const kase = await this.access.caseOf(row.investigationId);
    const pdf = await certificatePdf({
      item: row.state,
      entries: events.map((e) => ({ ...custodyEntry(e), data: e.data as Record<string, unknown> })),
      verification,
      printedAt: new Date(),
      printedBy: principal.staffId,
      printedByName: principal.displayName,
      zoneName: this.config.zoneName,
      caseNumber: kase?.caseNumber ?? null,
    });
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `inline; filename="custody-${row.labelNumber}.pdf"`);
    return new StreamableFile(pdf);
  }

  /**
   * Items with an open handover on the reader's side of it: offered to them or to a party they act for
   * (incoming: waiting for their acceptance), or offered by them or such a party (outgoing).
   */
  private onHandover(req: Request, rows: ItemRow[], side: 'incoming' | 'outgoing'): ItemRow[] {
    const principal = this.access.principal(req);
    const mine = (p: PartyRef) => (p.kind === 'officer' ? p.id === principal.staffId : this.access.mayActFor(principal, p));
    return rows.filter(
      (r) =>
        r.state.status === 'held' && r.state.openOffer !== null && mine(side === 'incoming' ? r.state.openOffer.to : r.state.custodian),
    );
  }

  /** Filters rows to those the reader sees without a justification, pages them, and logs the list read. */
  private async visible(req: Request, rowsPromise: Promise<ItemRow[]>, limit: number, offset: number): Promise<{ items: ItemListEntry[] }> {
    const principal = this.access.principal(req);
    return this.listed(req, (await this.access.visible(principal, await rowsPromise)).slice(offset, offset + limit));
  }

  /** The list entries of the visible rows shown, the list read logged. */
  private async listed(req: Request, visible: { row: ItemRow; resource: ProtectedResource }[]): Promise<{ items: ItemListEntry[] }> {
    await this.access.accessControl.recordListRead(
      req,
      'evidence_item',
      visible.map((v) => v.resource),
    );
    const seen = visible.map((v) => v.row);
    return {
      items: seen.map((r) => ({
        id: r.id,
        labelNumber: r.labelNumber,
        investigationId: r.investigationId,
        pvNumber: r.pvNumber,
        category: r.category as ItemCategory,
        description: r.description,
        status: r.status as ItemListEntry['status'],
        whereabouts: r.whereabouts as ItemListEntry['whereabouts'],
        custodian: r.state.status === 'unregistered' ? { kind: r.custodianKind as PartyKind, id: r.custodianId } : r.state.custodian,
        location: r.location,
        expectedReturnAt: r.expectedReturnAt ? new Date(r.expectedReturnAt).toISOString() : null,
        takenBy: r.state.status === 'held' && r.state.whereabouts.kind === 'checked_out' ? r.state.whereabouts.takenBy : null,
        checkOutPurpose: r.state.status === 'held' && r.state.whereabouts.kind === 'checked_out' ? r.state.whereabouts.purpose : null,
        sealNumber: r.state.status === 'unregistered' ? '' : r.state.sealNumber,
        openOffer: r.state.status === 'held' ? r.state.openOffer : null,
        version: r.version,
      })),
    };
  }
}
