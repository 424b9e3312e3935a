import { createContext, ReactNode, useCallback, useContext, useRef } from 'react';
import { useLocation } from 'react-router';

const RouteFocusContext = createContext<() => boolean>(() => false);

/**
 * Decides who takes the focus after a navigation: the first {@link PageTitle} rendered for a new
 * location (never on the first page load, where the browser's own start is right).
 */
export function RouteFocusProvider({ children }: { children: ReactNode }) {
  const location = useLocation();
  const first = useRef(location.key);
  const claimed = useRef<string | null>(null);
  const current = useRef(location.key);
  current.current = location.key;
  const claim = useCallback(() => {
    const key = current.current;
    if (key === first.current || claimed.current === key) return false;
    claimed.current = key;
    return true;
  }, []);
  return <RouteFocusContext.Provider value={claim}>{children}</RouteFocusContext.Provider>;
}

export function useRouteFocus(): () => boolean {
  return useContext(RouteFocusContext);
}
