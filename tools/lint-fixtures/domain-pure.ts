// lint-as: services/evidence/src/domain/good.decide.ts
// expect: clean
export type Command = { type: 'Seal'; data: { itemId: string; now: Date } };
export type Event = { type: 'ItemSealed'; data: { itemId: string; sealedAt: string } };

export function decide(command: Command): Event[] {
  return [{ type: 'ItemSealed', data: { itemId: command.data.itemId, sealedAt: new Date(command.data.now).toISOString() } }];
}
