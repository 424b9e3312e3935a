import { useParams } from 'react-router';
import { RequireRoles } from '@/components/require-roles';
import { ItemActions } from '@/features/counter';
import { ITEM_READER_ROLES } from '@/features/evidence';
import { ItemScreen } from '@/features/evidence/routes/item';

/**
 * The item page (features/evidence) with the counter's actions in its actions area: handovers,
 * storage, lab and disposal come from the counter's feature, composed here because a feature never
 * imports another (the route loads both features' words).
 */
export function Component() {
  const { id = '' } = useParams();
  return (
    <RequireRoles roles={ITEM_READER_ROLES}>
      <ItemScreen actions={() => <ItemActions itemId={id} />} />
    </RequireRoles>
  );
}
