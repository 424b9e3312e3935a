// lint-as: services/evidence/src/domain/good-kernel.decide.ts
// expect: clean
import { inputRules, invalidCommand, isUuid } from '@police/event-store/domain';

class InvalidSealCommand extends invalidCommand<'required' | 'invalid_id'>('InvalidSealCommand') {}
const { requireText } = inputRules(InvalidSealCommand);

export function decideSeal(data: { itemId: string; sealNumber: string }): { itemId: string; sealNumber: string } {
  if (!isUuid(data.itemId)) throw new InvalidSealCommand('invalid_id', 'The item id must be a UUID', 'itemId');
  requireText(data, ['sealNumber']);
  return data;
}
