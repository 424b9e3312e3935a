import { CommandMetadataOf, CommandOf } from '@police/event-store/domain';
import { PartyRef } from './evidence.events';

export { dayOf, hasDuplicates, isBlank, isCalendarDate, isInstant, isSha256, isUuid, toIso, zoneDayOf } from '@police/event-store/domain';

/**
 * Who acts, as the application established it from the authenticated user. The domain trusts these flags;
 * granting them is the edge's job (a lab liaison may act for a lab, an evidence officer for a storage room
 * and as the evidence desk).
 */
export interface Actor {
  staffId: string;
  /** The organisation (lab, court registry, storage room, outside body) the user acts for; absent when acting as an officer. */
  actingFor?: PartyRef;
  /** The user works at the evidence desk, which may store, take out and dispose of items it does not hold itself. */
  evidenceDesk?: boolean;
}

export type CommandMetadata = CommandMetadataOf<Actor>;

export type Command<Type extends string, Data> = CommandOf<Type, Data, Actor>;

/** An officer party is the staff member; any other party is whoever the application lets act for it. */
export function actsFor(actor: Actor, party: PartyRef): boolean {
  if (party.kind === 'officer') return actor.staffId === party.id;
  return actor.actingFor !== undefined && actor.actingFor.kind === party.kind && actor.actingFor.id === party.id;
}
