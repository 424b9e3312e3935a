import { useTranslation } from 'react-i18next';
import { useUser } from '@/lib/auth';

/** A staff member as the API names them (staff id), with "(you)" for the user. */
export function Staff({ id }: { id: string | null | undefined }) {
  const { t } = useTranslation();
  const user = useUser();
  if (!id) return null;
  return <>{id === user.staffId ? t('pvs.detail.you', { staffId: id }) : id}</>;
}
