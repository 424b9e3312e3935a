import { decideAcceptCustody, decideDeclineCustody, decideOfferCustody, decideWithdrawCustodyOffer } from './item-custody.decide';
import { decideExecuteDisposal, decideRecordDisposalDecision } from './item-disposal.decide';
import { decideRecordLabResult, decideSubmitToLab } from './item-lab.decide';
import { decideRegisterItem, decideResealItem } from './item-register.decide';
import { decideCheckInItem, decideCheckOutItem, decideReturnItem } from './item-storage.decide';
import { ItemCommand } from './item.commands';
import { ItemEvent } from './item.events';
import { ItemState } from './item.state';

// The item's decider: one entry for every command, each decided in the file of its lifecycle phase.
export * from './item.commands';
export * from './item-register.decide';
export * from './item-custody.decide';
export * from './item-storage.decide';
export * from './item-lab.decide';
export * from './item-disposal.decide';
export { describeParty } from './item.guards';

export function decideItem(state: ItemState, command: ItemCommand): ItemEvent[] {
  switch (command.type) {
    case 'RegisterItem':
      return decideRegisterItem(state, command);
    case 'ResealItem':
      return decideResealItem(state, command);
    case 'OfferCustody':
      return decideOfferCustody(state, command);
    case 'AcceptCustody':
      return decideAcceptCustody(state, command);
    case 'DeclineCustody':
      return decideDeclineCustody(state, command);
    case 'WithdrawCustodyOffer':
      return decideWithdrawCustodyOffer(state, command);
    case 'CheckInItem':
      return decideCheckInItem(state, command);
    case 'CheckOutItem':
      return decideCheckOutItem(state, command);
    case 'ReturnItem':
      return decideReturnItem(state, command);
    case 'SubmitToLab':
      return decideSubmitToLab(state, command);
    case 'RecordLabResult':
      return decideRecordLabResult(state, command);
    case 'RecordDisposalDecision':
      return decideRecordDisposalDecision(state, command);
    case 'ExecuteDisposal':
      return decideExecuteDisposal(state, command);
  }
}
