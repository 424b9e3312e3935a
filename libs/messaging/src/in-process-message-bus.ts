import { IncomingMessage, incomingMessage, messageHeaders, OutgoingMessage } from './message';
import { MessageBus, MessageSubscription, MessageSubscriptionOptions, PartitionLag } from './message-bus';

interface Group {
  /** Index in the log of the next message this group has to take. */
  cursor: number;
  topics: ReadonlySet<string>;
  handle?: (message: IncomingMessage) => Promise<void>;
  /** The delivery in progress; deliveries of one group never overlap. */
  running: Promise<void>;
}

/**
 * The transport of the embedded mode: the same contract as Kafka, in one process.
 *
 * Guarantees: `publish` resolves only once every currently subscribed group whose topics match has
 * handled the messages (so "acknowledged" means "handled"), and rejects when a handler threw; that
 * group then stays at the failed message and takes it again on the next publish or subscribe (the
 * relay publishes again after a rejection). Each group gets messages one at a time, in publish order.
 * A group that was stopped keeps its position and resumes from it. Messages travel as JSON text, so
 * handlers get their own copy.
 *
 * Like a Kafka topic, the log is retained: a group subscribing later `fromBeginning` reads it all. It
 * lives in memory for the life of the process, which suits the embedded mode and tests.
 */
export class InProcessMessageBus implements MessageBus {
  private readonly log: IncomingMessage[] = [];
  private readonly topicSizes = new Map<string, number>();
  private readonly groups = new Map<string, Group>();

  async publish(messages: OutgoingMessage[]): Promise<void> {
    for (const m of messages) {
      const offset = this.topicSizes.get(m.topic) ?? 0;
      this.topicSizes.set(m.topic, offset + 1);
      this.log.push(
        incomingMessage({
          topic: m.topic,
          key: m.key,
          raw: JSON.stringify(m.payload),
          headers: messageHeaders(m),
          partition: 0,
          offset: String(offset),
        }),
      );
    }
    const topics = new Set(messages.map((m) => m.topic));
    const concerned = [...this.groups.values()].filter((g) => g.handle && [...topics].some((t) => g.topics.has(t)));
    const results = await Promise.allSettled(concerned.map((g) => this.deliver(g)));
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure) throw failure.reason;
  }

  async subscribe(o: MessageSubscriptionOptions): Promise<MessageSubscription> {
    const existing = this.groups.get(o.groupId);
    if (existing?.handle) throw new Error(`Consumer group "${o.groupId}" already has a subscriber`);
    const group: Group = existing ?? {
      cursor: o.fromBeginning === false ? this.log.length : 0,
      topics: new Set(),
      running: Promise.resolve(),
    };
    group.topics = new Set(o.topics);
    group.handle = o.handle;
    this.groups.set(o.groupId, group);
    // Catch up on what was published while the group was away; a failure waits for the next publish.
    this.deliver(group).catch(() => undefined);
    return {
      stop: async () => {
        if (group.handle === o.handle) group.handle = undefined;
        await group.running.catch(() => undefined);
      },
      status: () => ({ joined: true }),
      joined: async () => undefined,
    };
  }

  /** Messages of each topic (one partition, 0) after the group's position; all of them for a group not seen yet. */
  async lag(groupId: string, topics: string[]): Promise<PartitionLag[]> {
    const group = this.groups.get(groupId);
    const cursor = group?.cursor ?? 0;
    // One log for every topic: offsets are positions in it.
    return topics.map((topic) => ({
      topic,
      partition: 0,
      lag: this.log.slice(cursor).filter((m) => m.topic === topic).length,
      committed: group ? String(cursor) : null,
      end: String(this.log.length),
    }));
  }

  async close(): Promise<void> {
    const groups = [...this.groups.values()];
    for (const g of groups) g.handle = undefined;
    await Promise.all(groups.map((g) => g.running.catch(() => undefined)));
  }

  /** Hands the group every message from its cursor to the end of the log, after any delivery in progress. */
  private deliver(group: Group): Promise<void> {
    const run = group.running
      .catch(() => undefined)
      .then(async () => {
        while (group.cursor < this.log.length) {
          const handle = group.handle;
          if (!handle) return;
          const message = this.log[group.cursor];
          if (group.topics.has(message.topic)) await handle(copy(message));
          group.cursor++;
        }
      });
    group.running = run;
    return run;
  }
}

function copy(m: IncomingMessage): IncomingMessage {
  return { ...m, payload: JSON.parse(m.raw), headers: { ...m.headers } };
}
