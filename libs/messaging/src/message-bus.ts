import type { LoopFailure } from '@police/event-store';
import type { IncomingMessage, OutgoingMessage } from './message';

/** What a consumer group subscribes to, and what it does with each message. */
export interface MessageSubscriptionOptions {
  /** Consumer group: each group gets every message once (at least once), in order per stream. */
  groupId: string;
  topics: string[];
  /**
   * Handles one message. Resolving acknowledges it; throwing leaves it unacknowledged, so it is
   * delivered again. Must be idempotent: delivery is at least once.
   */
  handle(message: IncomingMessage): Promise<void>;
  /** Where a group without a stored position starts: the oldest retained message (default) or only new ones. */
  fromBeginning?: boolean;
}

export interface MessageSubscription {
  /** Stops delivery after the message in hand and waits for it; the group's position is kept. */
  stop(): Promise<void>;
  /**
   * Whether the group is joined (messages flow), and the failure it is retrying while it is not (the
   * broker away). A transport without groups (in-process) is always joined.
   */
  status(): { joined: boolean; failure?: LoopFailure };
  /** Resolves when the group is joined for the first time (a test that must not miss a message waits on it). */
  joined(): Promise<void>;
}

/** The transport between services: Kafka in production, in-process in the embedded mode. */
export interface MessageBus {
  /** Resolves only once the transport has acknowledged every message; rejects otherwise (publish again). */
  publish(messages: OutgoingMessage[]): Promise<void>;
  /**
   * Starts the group's subscription. Kafka resolves at once and joins in the background, retrying for as
   * long as the broker is away (see {@link MessageSubscription.status}); the in-process bus is joined at once.
   */
  subscribe(options: MessageSubscriptionOptions): Promise<MessageSubscription>;
  close(): Promise<void>;
  /**
   * Messages of each partition of `topics` that the consumer group has not committed yet (for
   * metrics). A transport that cannot tell leaves it out.
   */
  lag?(groupId: string, topics: string[]): Promise<PartitionLag[]>;
}

/** How far a consumer group is behind on one partition. */
export interface PartitionLag {
  topic: string;
  partition: number;
  /** Messages after the group's committed offset (all retained ones when it has committed none). */
  lag: number;
  /** The group's committed offset: where it resumes (null when it has committed none on this partition). */
  committed: string | null;
  /** The partition's end (high watermark): the offset of the next message written. */
  end: string;
}
