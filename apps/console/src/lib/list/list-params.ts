import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A list's filters, sort and page kept in the address (a reload or a shared link shows the same list):
 * the parameters, and `set(key, value)` — `null` removes it; any change but the page's goes back to page 1.
 */
export function useListParams(): [URLSearchParams, (key: string, value: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const set = useCallback(
    (key: string, value: string | null) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (value) next.set(key, value);
          else next.delete(key);
          if (key !== 'page') next.delete('page');
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [params, set];
}

/** The page a list shows, from `?page=` (1 when missing or not a number). */
export function pageOf(params: URLSearchParams): number {
  return Math.max(1, Number(params.get('page') ?? '1') || 1);
}
