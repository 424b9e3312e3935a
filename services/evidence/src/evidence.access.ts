import { Inject, Injectable } from '@nestjs/common';
import {
  AccessControl,
  forbiddenRecord,
  GrantedAccess,
  Principal,
  principalOf,
  ProtectedResource,
  resourceNotFound,
} from '@police/security';
import { EVENT_SOURCING, ServiceEventSourcing } from '@police/platform';
import type { Request } from 'express';
import { Actor } from './domain/evidence.decide';
import { PartyRef } from './domain/evidence.events';
import { EVIDENCE_CONFIG, EvidenceConfig } from './evidence.config';
import { CaseRow, ItemRow } from './read-model/items/item.read-model';
import { itemRow } from './read-model/items/item.projection';
import { LoadedState } from '@police/event-store';
import { problem } from '@police/platform';
import { itemStream } from './domain/evidence.stream';
import { ItemState } from './domain/item.state';
import { ItemRegistered } from './domain/item.events';
import { itemAggregate } from './evidence.aggregates';

function registeredBy(first: { type: string; data: unknown }): string {
  return first.type === 'ItemRegistered' ? (first.data as ItemRegistered['data']).seizedBy : '';
}

/** Who works the found-objects desk (POPP): the evidence desk and the front desk. */
export const POPP_ROLES = ['evidence_officer', 'front_desk'] as const;

/** A team's name without the "Team " some sources put before it. */
export function teamKey(team: string): string {
  return team.replace(/^team\s+/i, '').trim();
}

/**
 * Who may see and act on an item: built from the item row and the case directory, checked by the
 * shared AccessControl (which also writes the consultation record of every read).
 */
@Injectable()
export class EvidenceAccess {
  constructor(
    @Inject(EVENT_SOURCING) private readonly es: ServiceEventSourcing,
    @Inject(EVIDENCE_CONFIG) private readonly config: EvidenceConfig,
    private readonly access: AccessControl,
  ) {}

  principal(req: Request): Principal {
    const p = principalOf(req);
    if (!p) throw problem(401, 'unauthenticated', 'This endpoint needs a bearer token.');
    return p;
  }

  /**
   * The domain's actor for this user: the staff member, the evidence desk for evidence officers, and
   * the organisation they may act for when the item's party at hand is one (a storage room for the
   * evidence desk, a laboratory for a lab liaison).
   */
  actor(principal: Principal, partyAtHand?: PartyRef): Actor {
    const actor: Actor = { staffId: principal.staffId };
    if (principal.roles.includes('evidence_officer')) actor.evidenceDesk = true;
    if (partyAtHand && this.mayActFor(principal, partyAtHand)) actor.actingFor = { kind: partyAtHand.kind, id: partyAtHand.id };
    return actor;
  }

  mayActFor(principal: Principal, party: PartyRef): boolean {
    if (party.kind === 'storage_room')
      return principal.roles.includes('evidence_officer') && this.config.storageRooms.some((r) => r.id === party.id);
    if (party.kind === 'lab') return principal.roles.includes('lab_liaison') && this.config.laboratories.some((l) => l.id === party.id);
    if (party.kind === 'court_registry' || party.kind === 'external_body') return principal.roles.includes('evidence_officer');
    return false;
  }

  async caseOf(investigationId: string | null | undefined): Promise<CaseRow | null> {
    if (!investigationId) return null;
    return this.es.dataSource.getRepository(CaseRow).findOneBy({ investigationId });
  }

  /**
   * The item as a protected record. Assigned to it: the seizing officer, an officer custodian or
   * recipient of an open offer, the officer who took it out, the case lead — and the reader when they
   * act for the organisation holding it or receiving it (the evidence desk for its storage room, a lab
   * liaison for the lab): the desk must handle every item in its rooms, restricted cases included.
   */
  resource(row: ItemRow, kase: CaseRow | null, principal?: Principal): ProtectedResource {
    const state = row.state;
    const assigned = new Set<string>([row.seizedBy]);
    const parties: PartyRef[] = [];
    if (state.status !== 'unregistered') parties.push(state.custodian);
    if (state.status === 'held') {
      if (state.openOffer) parties.push(state.openOffer.to);
      if (state.whereabouts.kind === 'checked_out') assigned.add(state.whereabouts.takenBy);
      for (const sub of Object.values(state.labSubmissions))
        if (sub.status === 'offered' || sub.status === 'at_lab') parties.push(sub.laboratory);
    }
    for (const p of parties) {
      if (p.kind === 'officer') assigned.add(p.id);
      else if (principal && this.mayActFor(principal, p)) assigned.add(principal.staffId);
    }
    if (kase?.leadInvestigator) assigned.add(kase.leadInvestigator);
    return {
      type: 'evidence_item',
      id: row.id,
      caseRef: row.pvNumber ?? kase?.caseNumber ?? row.investigationId ?? undefined,
      teams: kase ? [teamKey(kase.team)] : [],
      assignees: [...assigned],
      restricted: kase ? this.config.restrictedTeams.map(teamKey).includes(teamKey(kase.team)) : false,
    };
  }

  /** Rows the reader sees without a justification, as protected records (for list answers). */
  async visible(principal: Principal, rows: ItemRow[]): Promise<{ row: ItemRow; resource: ProtectedResource }[]> {
    const ids = [...new Set(rows.map((r) => r.investigationId).filter((x): x is string => !!x))];
    const cases =
      ids.length > 0
        ? await this.es.dataSource.getRepository(CaseRow).createQueryBuilder('c').where('c.investigationId IN (:...ids)', { ids }).getMany()
        : [];
    const byId = new Map(cases.map((c) => [c.investigationId, c]));
    return rows
      .map((row) => ({
        row,
        resource: this.resource(row, row.investigationId ? (byId.get(row.investigationId) ?? null) : null, principal),
      }))
      .filter((x) => this.access.canSee(principal, x.resource));
  }

  /**
   * An item yet to be registered for a case, as a protected record: who may add evidence to it, from
   * what the case directory knows of the case (its team, its lead, whether it is restricted) — its
   * team and lead, and the evidence desk and lab by function unless the case is restricted. What the
   * request itself says (the seizing officer it names) gives no access.
   */
  newItemResource(kase: CaseRow): ProtectedResource {
    return {
      type: 'evidence_item',
      id: `new-item-of-${kase.investigationId}`,
      caseRef: kase.caseNumber ?? kase.investigationId,
      teams: [teamKey(kase.team)],
      assignees: kase.leadInvestigator ? [kase.leadInvestigator] : [],
      restricted: this.config.restrictedTeams.map(teamKey).includes(teamKey(kase.team)),
    };
  }

  /**
   * The case an item is to be registered for, when the writer may add evidence to it. A case the
   * writer may never know of (a restricted team's) is answered exactly as an id the directory does not
   * hold; an unrestricted case of another team is a 403, as for its items.
   */
  async caseForNewItem(req: Request, investigationId: string): Promise<CaseRow> {
    const unknown = () =>
      problem(422, 'unknown_investigation', 'No investigation with this id is known to the evidence service.', 'investigationId');
    const kase = await this.caseOf(investigationId);
    if (!kase) throw unknown();
    const decision = this.access.decide(this.principal(req), this.newItemResource(kase), 'write');
    if (!decision.granted) throw decision.refusal === 'hidden' ? unknown() : forbiddenRecord('evidence_item');
    return kase;
  }

  /**
   * An item's row, or 404. The read model trails the log by a few milliseconds; an item registered
   * a moment ago is built from its stream instead, so a client can act on what it just created.
   */
  async row(itemId: string): Promise<ItemRow> {
    const row = await this.es.dataSource.getRepository(ItemRow).findOneBy({ id: itemId });
    return row ?? this.currentRow(itemId);
  }

  /** The item as its stream has it now (for decisions on a change, which must not use a trailing view). */
  async currentRow(itemId: string): Promise<ItemRow> {
    return this.rowOf(itemId, await this.es.commands(itemAggregate).load(itemId));
  }

  /**
   * The item's row from its stream as loaded (for a command: the state it is decided on), or 404. The
   * seizing officer is in the first event; when the load started from a snapshot, the row has it (it
   * never changes after registration).
   */
  async rowOf(itemId: string, loaded: LoadedState<ItemState>): Promise<ItemRow> {
    const first = loaded.events[0];
    const seizedBy = first && first.streamVersion === 0 ? registeredBy(first) : await this.seizedBy(itemId);
    const built = itemRow(loaded.state, loaded.version, seizedBy);
    // The same answer as for an item the reader may not know of (a restricted case's).
    if (!built) throw resourceNotFound('evidence_item');
    return built;
  }

  private async seizedBy(itemId: string): Promise<string> {
    const row = await this.es.dataSource.getRepository(ItemRow).findOne({ where: { id: itemId }, select: { id: true, seizedBy: true } });
    if (row) return row.seizedBy;
    const { events } = await this.es.store.readStream(itemStream(itemId), { toVersion: 0 });
    return events[0] ? registeredBy(events[0]) : '';
  }

  async authorizeRead(req: Request, row: ItemRow): Promise<GrantedAccess> {
    return this.access.authorizeRead(req, this.resource(row, await this.caseOf(row.investigationId), this.principal(req)));
  }

  async authorizeWrite(req: Request, row: ItemRow): Promise<GrantedAccess> {
    return this.access.authorizeWrite(req, this.resource(row, await this.caseOf(row.investigationId), this.principal(req)));
  }

  get accessControl(): AccessControl {
    return this.access;
  }

  get eventSourcing(): ServiceEventSourcing {
    return this.es;
  }
}
