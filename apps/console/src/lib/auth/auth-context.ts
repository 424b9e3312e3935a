import { createContext, useContext } from 'react';
import type { AuthConfig } from './authenticator';
import type { Session, SignedOutReason } from './session';

export interface AuthState {
  /** How to sign in; undefined while it is being asked, or when the server could not be reached. */
  config: AuthConfig | undefined;
  configError: boolean;
  session: Session | null;
  signedOutReason: SignedOutReason;
  signInDev(username: string): Promise<void>;
  signInOidc(returnTo: string): Promise<void>;
  signOut(): Promise<void>;
}

export const AuthContext = createContext<AuthState | null>(null);

export function useAuth(): AuthState {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth() outside <AuthProvider>');
  return auth;
}

/** The signed-in user; only for screens behind the sign-in gate. */
export function useUser(): Session['user'] {
  const { session } = useAuth();
  if (!session) throw new Error('useUser() while signed out');
  return session.user;
}
