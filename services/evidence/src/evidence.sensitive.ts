import { EncryptionPolicy, erasedText } from '@police/event-store';
import { RETENTION_ERASURES } from '@police/retention';
import type {
  FoundObjectMatchedToLossDeclaration,
  FoundObjectRegistered,
  FoundObjectReturnedToOwner,
  OwnerIdentified,
  OwnerSearchStarted,
} from './domain/found-object.events';

/** Each found object's personal data is sealed under a data key of its own (a record key, ADR 0053). */
export function foundObjectKeyId(foundObjectId: string): string {
  return `found-object-${foundObjectId}`;
}

/**
 * The evidence service's sensitive fields (crypto-shredding, ADR 0053; retention, ADR 0055): what a found object's
 * events say about people — the finder and the declarant, the owner and how they were found and proved it, the
 * description (a name on a key ring, a card in a wallet) and the exact place. Its retention review's erasure
 * (`RetentionRecordErased`) destroys the object's key, and with it those fields in every event of the object.
 */
export const EVIDENCE_ENCRYPTION: EncryptionPolicy = {
  sensitive: {
    FoundObjectRegistered: {
      keyOf: (d: FoundObjectRegistered['data']) => foundObjectKeyId(d.foundObjectId),
      fields: {
        description: erasedText,
        'source.declarantRef': erasedText,
        'source.finderRef': erasedText,
        'place.address': erasedText,
        'place.postalCode': erasedText,
      },
    },
    OwnerSearchStarted: { keyOf: (d: OwnerSearchStarted['data']) => foundObjectKeyId(d.foundObjectId), fields: { method: erasedText } },
    OwnerIdentified: {
      keyOf: (d: OwnerIdentified['data']) => foundObjectKeyId(d.foundObjectId),
      fields: { ownerRef: erasedText, basis: erasedText },
    },
    FoundObjectMatchedToLossDeclaration: {
      keyOf: (d: FoundObjectMatchedToLossDeclaration['data']) => foundObjectKeyId(d.foundObjectId),
      fields: { declarantRef: erasedText },
    },
    FoundObjectReturnedToOwner: {
      keyOf: (d: FoundObjectReturnedToOwner['data']) => foundObjectKeyId(d.foundObjectId),
      fields: { ownerRef: erasedText, ownershipProof: erasedText },
    },
  },
  erasures: { ...RETENTION_ERASURES },
};
