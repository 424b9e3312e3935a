import { CommandMetadataOf, CommandOf } from '@police/event-store/domain';

export { hasDuplicates, isBlank, isCalendarDate, isInstant, isUuid, toIso, zoneDayOf } from '@police/event-store/domain';

/** Who acts, as the application established it from the authenticated user. Need-to-know is the edge's job. */
export interface Actor {
  staffId: string;
}

export type CommandMetadata = CommandMetadataOf<Actor>;

export type Command<Type extends string, Data> = CommandOf<Type, Data, Actor>;
