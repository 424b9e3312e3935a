import { useQueryClient } from '@tanstack/react-query';
import { ReactNode, useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { breakGlass } from '../api/break-glass';
import { AuthContext, AuthState } from './auth-context';
import { AuthConfig, DevAuthenticator, fetchAuthConfig, OidcAuthenticator } from './authenticator';
import { sessionStore } from './session';

/**
 * Asks the server how to sign in, keeps the session (in memory), and clears every cached answer and
 * remembered break-glass reason when the session ends or changes hands, so that nothing read by one
 * user is shown to the next.
 */
export function AuthProvider({ children, onResumed }: { children: ReactNode; onResumed?: (path: string) => void }) {
  const queryClient = useQueryClient();
  const [config, setConfig] = useState<AuthConfig>();
  const [configError, setConfigError] = useState(false);
  const session = useSyncExternalStore(sessionStore.subscribe, () => sessionStore.current);
  const signedOutReason = useSyncExternalStore(sessionStore.subscribe, () => sessionStore.signedOutReason);

  const authenticator = useMemo(
    () => (config?.kind === 'oidc' ? new OidcAuthenticator(config) : config?.kind === 'dev' ? new DevAuthenticator() : undefined),
    [config],
  );

  useEffect(() => {
    let live = true;
    fetchAuthConfig()
      .then((c) => live && setConfig(c))
      .catch(() => live && setConfigError(true));
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (!authenticator) return;
    authenticator
      .resume()
      .then((path) => path && onResumed?.(path))
      .catch(() => sessionStore.end('ended'));
  }, [authenticator, onResumed]);

  // Synchronously, as the session changes: before the next screen mounts and asks for its data.
  useEffect(() => {
    let user = sessionStore.current?.user.username;
    return sessionStore.subscribe(() => {
      const next = sessionStore.current?.user.username;
      if (next === user) return;
      user = next;
      queryClient.clear();
      breakGlass.forgetAll();
    });
  }, [queryClient]);

  const signInDev = useCallback(
    async (username: string) => {
      if (!(authenticator instanceof DevAuthenticator)) throw new Error('not in development sign-in mode');
      await authenticator.signIn(username);
    },
    [authenticator],
  );
  const signInOidc = useCallback(
    async (returnTo: string) => {
      if (!(authenticator instanceof OidcAuthenticator)) throw new Error('not in OIDC sign-in mode');
      await authenticator.signIn(returnTo);
    },
    [authenticator],
  );
  const signOut = useCallback(async () => {
    await authenticator?.signOut();
  }, [authenticator]);

  const value = useMemo<AuthState>(
    () => ({ config, configError, session, signedOutReason, signInDev, signInOidc, signOut }),
    [config, configError, session, signedOutReason, signInDev, signInOidc, signOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
