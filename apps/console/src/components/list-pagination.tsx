import { Pagination } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Paging of a list the API answers page by page without a total: a next page is offered while a page
 * comes back full. Labelled controls (previous, next, page n).
 */
export function ListPagination({
  page,
  shown,
  pageSize,
  onChange,
}: {
  page: number;
  shown: number;
  pageSize: number;
  onChange: (page: number) => void;
}) {
  const { t } = useTranslation();
  if (page <= 1 && shown < pageSize) return null;
  return (
    <Pagination
      mt="md"
      total={shown === pageSize ? page + 1 : page}
      value={page}
      onChange={onChange}
      getControlProps={(control) => ({ 'aria-label': control === 'previous' ? t('common.previous') : t('common.next') })}
      getItemProps={(p) => ({ 'aria-label': t('common.page', { page: p }) })}
    />
  );
}
