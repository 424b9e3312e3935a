/** Who can hold an item. An officer is a staff id; the other kinds are organisations that act through their staff. */
export type PartyKind = 'officer' | 'lab' | 'court_registry' | 'storage_room' | 'external_body';

export const PARTY_KINDS: readonly PartyKind[] = ['officer', 'lab', 'court_registry', 'storage_room', 'external_body'];

export interface PartyRef {
  kind: PartyKind;
  id: string;
}

export interface Party extends PartyRef {
  name?: string;
}

/** A place in an evidence room. A count or a check-in may name only the room, or room and locker. */
export interface StorageLocation {
  room: string;
  locker?: string;
  shelf?: string;
}

export function sameParty(a: PartyRef, b: PartyRef): boolean {
  return a.kind === b.kind && a.id === b.id;
}

/** Officers and storage rooms are the zone's own hands; a lab, a court registry or an outside body is not. */
export function isInternalParty(party: PartyRef): boolean {
  return party.kind === 'officer' || party.kind === 'storage_room';
}

export function formatLocation(location: StorageLocation): string {
  return [location.room, location.locker, location.shelf].filter((part) => part !== undefined && part !== '').join(' / ');
}

/** True when `location` is the place `scope` names or lies inside it (a room contains its lockers, a locker its shelves). */
export function isWithin(location: StorageLocation, scope: StorageLocation): boolean {
  if (location.room !== scope.room) return false;
  if (scope.locker !== undefined && location.locker !== scope.locker) return false;
  if (scope.shelf !== undefined && location.shelf !== scope.shelf) return false;
  return true;
}

export function sameLocation(a: StorageLocation, b: StorageLocation): boolean {
  return a.room === b.room && a.locker === b.locker && a.shelf === b.shelf;
}
