import { CommandMetadataOf, CommandOf } from '@police/event-store/domain';

export { hasDuplicates, isBlank, isInstant, isSha256, isUuid, toIso } from '@police/event-store/domain';

/**
 * Who acts, as the application established it from the authenticated user. The domain trusts these flags;
 * granting them is the edge's job.
 */
export interface Actor {
  staffId: string;
  /** The user works for GAK/DIAK (judicial administration): quality control, finalising and the ANG feed are theirs. */
  gak?: boolean;
}

export type CommandMetadata = CommandMetadataOf<Actor>;

export type Command<Type extends string, Data> = CommandOf<Type, Data, Actor>;
