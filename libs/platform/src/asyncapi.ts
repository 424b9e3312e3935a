import { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { CONTRACTS, ContractEntry } from '@police/contracts';
import { ServiceEventSourcing } from './event-sourcing';
import { classSchemas, JsonSchema } from './json-schema';
import type { DocumentedService } from './openapi';
import { EVENT_SOURCING, publicTopic, ServiceName } from './runtime';

/** Where a service's AsyncAPI document is served: `/api/<service>/asyncapi.json`. */
export function asyncApiPath(service: string): string {
  return `/api/${service}/asyncapi.json`;
}

const SCHEMAS = '#/components/schemas/';

/** The Kafka headers every public message carries (libs/messaging `messageHeaders`). */
function headersSchema(type: string): JsonSchema {
  return {
    type: 'object',
    properties: {
      'message-id': { type: 'string', description: 'The id of the source event: consumers handle a message id once.' },
      'message-type': { type: 'string', const: type, description: 'The contract type, `<context>.<Event>.v<N>`.' },
      'content-type': { type: 'string', const: 'application/json' },
      'correlation-id': { type: 'string', description: 'The correlation id of the request that caused it.' },
      'causation-id': { type: 'string', description: 'What caused it: the request, or the message it was handled from.' },
    },
    required: ['message-id', 'message-type', 'content-type', 'correlation-id', 'causation-id'],
  };
}

function channelId(producer: ServiceName): string {
  return `${producer}Public`;
}

/**
 * The AsyncAPI 3 document of one service's Kafka traffic: the contracts it publishes on
 * `<service>.public.v1` (those of its context, `<service>.<Event>.v<N>`) and those it consumes from other
 * services' topics (its handlers), each with its payload schema derived from the contract class's
 * class-validator constraints (as the consumers validate it), its headers and key (the stream id), and
 * its fixture as example. Topic names take the host's `KAFKA_TOPIC_PREFIX` in front.
 */
export function buildAsyncApiDocument(app: INestApplication, service: DocumentedService): Record<string, unknown> {
  // The module is dynamic (registered with its runtime): find its instance rather than select it by class.
  const mod = [...app.get(ModulesContainer).values()].find((m) => m.metatype === service.module);
  const es = mod?.providers.get(EVENT_SOURCING)?.instance as ServiceEventSourcing | undefined;
  if (!es) throw new Error(`The ${service.name} module has no event sourcing provider: no AsyncAPI document for it`);
  const { publishes, consumes } = es.messaging();
  const produced = publishes ? CONTRACTS.filter((c) => c.type.startsWith(`${service.name}.`)) : [];
  const consumed = CONTRACTS.filter((c) => consumes.types.includes(c.type));
  const producers = [...new Set(consumed.map((c) => c.type.split('.')[0] as ServiceName))].filter((p) => consumes.from.includes(p));
  const contracts = [...produced, ...consumed];
  const messages: Record<string, unknown> = {};
  const schemas: Record<string, JsonSchema> = {};
  Object.assign(
    schemas,
    classSchemas(
      contracts.map((c) => c.contract as unknown as new () => object),
      SCHEMAS,
    ),
  );
  for (const c of contracts) {
    messages[c.name] = {
      name: c.type,
      title: c.type,
      contentType: 'application/json',
      headers: headersSchema(c.type),
      payload: { $ref: `${SCHEMAS}${c.name}` },
      bindings: {
        kafka: {
          key: {
            type: 'string',
            description: 'The id of the event stream the message comes from: the messages of one stream keep their order.',
          },
          bindingVersion: '0.5.0',
        },
      },
      examples: [{ name: 'fixture', payload: c.fixture }],
    };
  }
  const messageRefs = (list: readonly ContractEntry[]) =>
    Object.fromEntries(list.map((c) => [c.name, { $ref: `#/components/messages/${c.name}` }]));
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  if (produced.length > 0) {
    const id = channelId(service.name);
    channels[id] = { address: publicTopic({}, service.name), title: `${service.name}'s public contracts`, messages: messageRefs(produced) };
    operations[`publish${id[0].toUpperCase()}${id.slice(1)}`] = {
      action: 'send',
      channel: { $ref: `#/channels/${id}` },
      summary: `What ${service.name} publishes, from its event log (the log is the outbox), at least once.`,
      messages: produced.map((c) => ({ $ref: `#/channels/${id}/messages/${c.name}` })),
    };
  }
  for (const producer of producers) {
    const id = channelId(producer);
    const list = consumed.filter((c) => c.type.startsWith(`${producer}.`));
    channels[id] = { address: publicTopic({}, producer), title: `${producer}'s public contracts`, messages: messageRefs(list) };
    operations[`consume${id[0].toUpperCase()}${id.slice(1)}`] = {
      action: 'receive',
      channel: { $ref: `#/channels/${id}` },
      summary: `What ${service.name} acts on from ${producer}: deduplicated by message id (inbox); a message it cannot take is parked, never dropped.`,
      messages: list.map((c) => ({ $ref: `#/channels/${id}/messages/${c.name}` })),
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: `${service.name} events`,
      version: '1',
      description: `${service.description} Its Kafka traffic: public contracts of libs/contracts.`,
    },
    defaultContentType: 'application/json',
    servers: {
      kafka: {
        host: '127.0.0.1:9092',
        protocol: 'kafka',
        description: 'The brokers of KAFKA_BROKERS; every topic name takes KAFKA_TOPIC_PREFIX in front.',
      },
    },
    channels,
    operations,
    components: {
      messages,
      schemas: Object.fromEntries(
        Object.keys(schemas)
          .sort()
          .map((k) => [k, schemas[k]]),
      ),
    },
  };
}

/** Serves each service's AsyncAPI document at `/api/<service>/asyncapi.json`. */
export function setupAsyncApi(app: INestApplication, services: readonly DocumentedService[]): void {
  const http = app.getHttpAdapter();
  for (const s of services) {
    const document = buildAsyncApiDocument(app, s);
    http.get(asyncApiPath(s.name), (_req: unknown, res: { setHeader(n: string, v: string): void; end(body: string): void }) => {
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.end(JSON.stringify(document));
    });
  }
}
