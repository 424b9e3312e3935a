import {
  commandContext,
  CommandResult,
  DomainEvent,
  handleCommand,
  LoadedState,
  loadState,
  RequestContext,
  SnapshotPolicy,
} from './command-handler';
import { EventStore, RecordedEvent } from './event-store';
import { SnapshotStore } from './snapshots';

/** Who gives a command and when: what every domain of this repository adds to a command. */
export interface CommandMetadata<Actor> {
  actor: Actor;
  now: Date;
}

/** A command as a route or consumer sends it: its type and data, without the metadata the handler adds. */
export type CommandInput<Command> = Command extends unknown ? Omit<Command, 'metadata'> : never;

/** A command with the metadata the handler adds: what `decide` is given. */
export type CommandWithMetadata<Command, Actor> = CommandInput<Command> & { metadata: CommandMetadata<Actor> };

/**
 * One aggregate, declared once: its stream, its pure decide/evolve/initial state (from the domain), how
 * stored events of older shapes are read, and whether it is snapshotted. {@link AggregateCommands}
 * runs it; `decide` receives the command with its metadata, typed per command (no casts).
 */
export interface Aggregate<State, Event extends DomainEvent, Command extends { type: string }, Actor extends { staffId: string }> {
  /** The stream of one instance. */
  stream(id: string): string;
  initialState(): State;
  evolve(state: State, event: Event): State;
  decide(state: State, command: CommandWithMetadata<Command, Actor>): Event | Event[];
  /** Maps a stored event (any older shape) to the current event type. Default: the stored type and data. */
  upcast?(event: RecordedEvent): Event;
  /** Snapshot every so many events, with this state-shape version (the store is given by the host). */
  snapshots?: Omit<SnapshotPolicy<State>, 'store'>;
}

/** Declares an aggregate (the identity: it only fixes the types, so routes get typed commands). */
export function aggregate<State, Event extends DomainEvent, Command extends { type: string }, Actor extends { staffId: string }>(
  definition: Aggregate<State, Event, Command, Actor>,
): Aggregate<State, Event, Command, Actor> {
  return definition;
}

/** What a route or consumer established about a command (see {@link RequestContext}), with the two per-state hooks. */
export interface CommandRequest<Actor extends { staffId: string }, State> extends RequestContext<Actor> {
  /**
   * The object-level access check, on the state loaded for the command (the same read as the decision;
   * before the idempotency key and If-Match are looked at). Throws to refuse.
   */
  authorize?: (loaded: LoadedState<State>) => void | Promise<void>;
  /** The actor for the state the command is decided on (who may act for a party depends on that state). Default: `actor`. */
  actorFor?: (state: State) => Actor;
}

/**
 * The command side of one aggregate on one store: `handle(id, command, ctx)` loads the stream once
 * (snapshot + tail, upcast, fold), runs the access check on that state, answers an idempotent retry,
 * decides, and appends with the expected version and the request's metadata.
 */
export class AggregateCommands<State, Event extends DomainEvent, Command extends { type: string }, Actor extends { staffId: string }> {
  private readonly snapshots?: SnapshotPolicy<State>;

  constructor(
    readonly aggregate: Aggregate<State, Event, Command, Actor>,
    private readonly store: EventStore,
    snapshotStore?: SnapshotStore,
  ) {
    this.snapshots = aggregate.snapshots && snapshotStore ? { ...aggregate.snapshots, store: snapshotStore } : undefined;
  }

  /** The same aggregate on another store (a consumer's transaction): no snapshots are read or taken there. */
  on(store: EventStore): AggregateCommands<State, Event, Command, Actor> {
    return new AggregateCommands(this.aggregate, store);
  }

  handle(id: string, command: CommandInput<Command>, ctx: CommandRequest<Actor, State>): Promise<CommandResult<State>> {
    const { aggregate } = this;
    return handleCommand<State, Event>(
      this.store,
      aggregate.stream(id),
      (state) => aggregate.decide(state, { ...command, metadata: { actor: ctx.actorFor?.(state) ?? ctx.actor, now: ctx.now } }),
      {
        evolve: aggregate.evolve,
        initialState: aggregate.initialState,
        upcast: aggregate.upcast,
        context: commandContext(ctx),
        expected: ctx.expected,
        snapshots: this.snapshots,
        authorize: ctx.authorize,
      },
    );
  }

  /** The instance as its stream has it now (snapshot + tail), for a read that must not trail the log. */
  load(id: string): Promise<LoadedState<State>> {
    return loadState(this.store, this.aggregate.stream(id), {
      evolve: this.aggregate.evolve,
      initialState: this.aggregate.initialState,
      upcast: this.aggregate.upcast,
      snapshots: this.snapshots,
    });
  }
}
