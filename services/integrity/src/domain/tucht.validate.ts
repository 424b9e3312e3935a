import { inputRules } from '@police/event-store/domain';
import { InvalidTuchtCommand } from './tucht.errors';

// Input rules shared by Bureau Tucht's records (order measures, threat files): the domain kernel's, answering InvalidTuchtCommand.

export const {
  requireUuid,
  requireNonBlank: requireText,
  requireDate,
  requirePastDate,
  requireNotBefore,
  requireOneOf,
} = inputRules(InvalidTuchtCommand);
