import { eventually } from '@police/testing';
import { InProcessMessageBus } from './in-process-message-bus';
import { IncomingMessage, OutgoingMessage } from './message';

const TOPIC = 'evidence.public.v1';

function outgoing(n: number, topic = TOPIC): OutgoingMessage {
  return {
    id: `msg-${n}`,
    topic,
    key: `item-${n % 2}`,
    type: 'evidence.ItemRegistered.v1',
    payload: { itemId: `item-${n % 2}`, labelNumber: `L-${n}`, nested: { seq: n } },
    correlationId: 'corr-1',
    causationId: `cmd-${n}`,
  };
}

function incoming(m: OutgoingMessage, offset: number): IncomingMessage {
  const headers = {
    'message-id': m.id,
    'message-type': m.type,
    'content-type': 'application/json',
    'correlation-id': m.correlationId,
    'causation-id': m.causationId,
  };
  const raw = JSON.stringify(m.payload);
  return {
    id: m.id,
    topic: m.topic,
    key: m.key,
    type: m.type,
    payload: m.payload,
    raw,
    correlationId: m.correlationId,
    causationId: m.causationId,
    partition: 0,
    offset: String(offset),
    headers,
  };
}

function gate(): { open(): void; passed: Promise<void> } {
  let open!: () => void;
  const passed = new Promise<void>((resolve) => (open = resolve));
  return { open, passed };
}

/** Lets every callback that is ready run, without waiting on time. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('InProcessMessageBus', () => {
  it('resolves publish only once every subscribed group has handled the messages, each getting the whole message', async () => {
    const bus = new InProcessMessageBus();
    const investigations: IncomingMessage[] = [];
    const integrity: IncomingMessage[] = [];
    const slow = gate();
    await bus.subscribe({ groupId: 'investigations', topics: [TOPIC], handle: async (m) => void investigations.push(m) });
    await bus.subscribe({
      groupId: 'integrity',
      topics: [TOPIC],
      handle: async (m) => {
        await slow.passed;
        integrity.push(m);
      },
    });

    let published = false;
    const publishing = bus.publish([outgoing(1), outgoing(2)]).then(() => (published = true));
    await settle();
    expect({ published, investigations: investigations.length, integrity: integrity.length }).toEqual({
      published: false,
      investigations: 2,
      integrity: 0,
    });

    slow.open();
    await publishing;
    const expected = [incoming(outgoing(1), 0), incoming(outgoing(2), 1)];
    expect({ published, investigations, integrity }).toEqual({ published: true, investigations: expected, integrity: expected });
  });

  it('delivers to each group one message at a time, in publish order, also across concurrent publishes', async () => {
    const bus = new InProcessMessageBus();
    const seen: string[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const first = gate();
    await bus.subscribe({
      groupId: 'investigations',
      topics: [TOPIC],
      handle: async (m) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        if (m.id === 'msg-1') await first.passed;
        seen.push(m.id);
        inFlight--;
      },
    });

    const a = bus.publish([outgoing(1), outgoing(2)]);
    const b = bus.publish([outgoing(3)]);
    await settle();
    expect(seen).toEqual([]);
    first.open();
    await Promise.all([a, b]);
    expect({ seen, maxInFlight }).toEqual({ seen: ['msg-1', 'msg-2', 'msg-3'], maxInFlight: 1 });
  });

  it('rejects publish when a handler throws; that group takes the message again on the next publish, the others are not held up', async () => {
    const bus = new InProcessMessageBus();
    const failing: string[] = [];
    const healthy: string[] = [];
    let databaseDown = true;
    await bus.subscribe({
      groupId: 'investigations',
      topics: [TOPIC],
      handle: async (m) => {
        if (databaseDown && m.id === 'msg-2') throw new Error('database down');
        failing.push(m.id);
      },
    });
    await bus.subscribe({ groupId: 'integrity', topics: [TOPIC], handle: async (m) => void healthy.push(m.id) });

    await expect(bus.publish([outgoing(1), outgoing(2), outgoing(3)])).rejects.toThrow('database down');
    expect({ failing, healthy }).toEqual({ failing: ['msg-1'], healthy: ['msg-1', 'msg-2', 'msg-3'] });

    databaseDown = false;
    await bus.publish([outgoing(4)]);
    expect({ failing, healthy }).toEqual({ failing: ['msg-1', 'msg-2', 'msg-3', 'msg-4'], healthy: ['msg-1', 'msg-2', 'msg-3', 'msg-4'] });
  });

  it('keeps the position of a stopped group and resumes from it; new groups start at the beginning unless told otherwise', async () => {
    const bus = new InProcessMessageBus();
    const seen: string[] = [];
    const handle = async (m: IncomingMessage) => void seen.push(m.id);
    const first = await bus.subscribe({ groupId: 'investigations', topics: [TOPIC], handle });
    await bus.publish([outgoing(1)]);
    await first.stop();
    await bus.publish([outgoing(2), outgoing(3)]);
    expect(seen).toEqual(['msg-1']);

    await bus.subscribe({ groupId: 'investigations', topics: [TOPIC], handle });
    await eventually(() => expect(seen).toEqual(['msg-1', 'msg-2', 'msg-3']));

    const late: string[] = [];
    const onlyNew: string[] = [];
    await bus.subscribe({ groupId: 'late', topics: [TOPIC], handle: async (m) => void late.push(m.id) });
    await bus.subscribe({ groupId: 'only-new', topics: [TOPIC], fromBeginning: false, handle: async (m) => void onlyNew.push(m.id) });
    await bus.publish([outgoing(4)]);
    expect({ late, onlyNew }).toEqual({ late: ['msg-1', 'msg-2', 'msg-3', 'msg-4'], onlyNew: ['msg-4'] });
  });

  it('delivers only the topics a group subscribed to, with offsets per topic', async () => {
    const bus = new InProcessMessageBus();
    const seen: IncomingMessage[] = [];
    await bus.subscribe({ groupId: 'evidence', topics: ['reports.public.v1'], handle: async (m) => void seen.push(m) });
    await bus.publish([outgoing(1, 'reports.public.v1'), outgoing(2, TOPIC), outgoing(3, 'reports.public.v1')]);
    await bus.publish([outgoing(4, 'integrity.public.v1')]);
    expect(seen).toEqual([incoming(outgoing(1, 'reports.public.v1'), 0), incoming(outgoing(3, 'reports.public.v1'), 1)]);
  });

  it('hands every handler its own copy of the payload', async () => {
    const bus = new InProcessMessageBus();
    const payloads: unknown[] = [];
    const mutate = async (m: IncomingMessage) => {
      payloads.push(structuredClone(m.payload));
      (m.payload as { nested: { seq: number } }).nested.seq = -1;
    };
    await bus.subscribe({ groupId: 'a', topics: [TOPIC], handle: mutate });
    await bus.subscribe({ groupId: 'b', topics: [TOPIC], handle: mutate });
    const message = outgoing(1);
    await bus.publish([message]);
    expect({ payloads, sent: message.payload }).toEqual({
      payloads: [outgoing(1).payload, outgoing(1).payload],
      sent: outgoing(1).payload,
    });
  });

  it('refuses a second subscriber in a group that has one', async () => {
    const bus = new InProcessMessageBus();
    await bus.subscribe({ groupId: 'investigations', topics: [TOPIC], handle: async () => undefined });
    await expect(bus.subscribe({ groupId: 'investigations', topics: [TOPIC], handle: async () => undefined })).rejects.toThrow(
      'Consumer group "investigations" already has a subscriber',
    );
  });
});
