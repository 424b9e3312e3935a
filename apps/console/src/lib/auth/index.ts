export { AuthProvider } from './auth-provider';
export { useAuth, useUser } from './auth-context';
export type { AuthState } from './auth-context';
export { OIDC_CALLBACK_PATH, renewalDelay } from './authenticator';
export type { AuthConfig } from './authenticator';
export { sessionStore } from './session';
export type { Session, SignedOutReason } from './session';
export { hasAnyRole, ITEM_READER_ROLES, ROLES, userFromToken } from './user';
export type { Role, SessionUser } from './user';
