import type { DomainEvent } from '@police/event-store/domain';

/** A loss declared at the desk (reports' public contract), kept to match found objects against. */
export type LossDeclarationRecorded = DomainEvent<
  'LossDeclarationRecorded',
  {
    reportId: string;
    category: string;
    description: string;
    place: { municipality: string; postalCode?: string; address?: string };
    lostOn: string;
    declarantRef: string;
    declaredAt: string;
  }
>;

export const lossStream = (reportId: string): string => `evidence-loss-${reportId}`;
