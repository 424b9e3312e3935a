import { RequireRoles } from '@/components/require-roles';
import { INVESTIGATION_READER_ROLES } from '../access';
import { CaseListScreen } from '../components/case-list-screen';

/** "My team's cases": everything my team holds, whoever leads it. */
export function Component() {
  return (
    <RequireRoles roles={INVESTIGATION_READER_ROLES}>
      <CaseListScreen scope="team" />
    </RequireRoles>
  );
}
