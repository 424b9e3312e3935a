import { RequireRoles } from '@/components/require-roles';
import { ITEM_READER_ROLES } from '@/features/evidence';
import { ItemScreen } from '@/features/evidence/routes/item';

/**
 * The item page (features/evidence) with the counter's actions in its actions area: handovers,
 * storage, lab and disposal come from the counter's feature, composed here because a feature never
 * imports another. Wire them with `actions={(item, etag) => <ItemActions item={item} etag={etag} />}`.
 */
export function Component() {
  return (
    <RequireRoles roles={ITEM_READER_ROLES}>
      <ItemScreen />
    </RequireRoles>
  );
}
