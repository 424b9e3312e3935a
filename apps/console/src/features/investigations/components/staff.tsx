import { useTranslation } from 'react-i18next';
import { useUser } from '@/lib/auth';

/**
 * A member of staff as the API names them (their staff id: the platform has no staff directory yet),
 * marked when it is the reader; the service's own consumers (a referral opening a case) as automatic.
 */
export function Staff({ id }: { id: string | null | undefined }) {
  const { t } = useTranslation();
  const user = useUser();
  if (!id) return <>{t('common.none')}</>;
  if (id.startsWith('system:')) return <>{t('investigations.staff.system')}</>;
  return <>{id === user.staffId ? t('investigations.staff.you', { id }) : id}</>;
}
