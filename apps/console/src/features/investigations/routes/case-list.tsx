import { RequireRoles } from '@/components/require-roles';
import { INVESTIGATION_READER_ROLES } from '../access';
import { CaseListScreen } from '../components/case-list-screen';

/** "My cases": the cases I lead or work on. */
export function Component() {
  return (
    <RequireRoles roles={INVESTIGATION_READER_ROLES}>
      <CaseListScreen scope="mine" />
    </RequireRoles>
  );
}
