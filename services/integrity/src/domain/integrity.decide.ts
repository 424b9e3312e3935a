import { CommandMetadataOf, CommandOf } from '@police/event-store/domain';

export { addDays, dayOf, daysBetween, hasDuplicates, isBlank, isCalendarDate, isUuid, toIso, zoneDayOf } from '@police/event-store/domain';

/**
 * Who acts, as the application established it from the authenticated user. The domain trusts these flags;
 * granting them is the edge's job.
 */
export interface Actor {
  staffId: string;
  /**
   * The authority the user acts as: `korpschef` (the chief, who also orders BIT investigations), or another
   * disciplinary authority from the configured list (`burgemeester`, `minister`). Absent for everyone else.
   */
  authority?: string;
}

export type CommandMetadata = CommandMetadataOf<Actor>;

export type Command<Type extends string, Data> = CommandOf<Type, Data, Actor>;

export const KORPSCHEF = 'korpschef';
