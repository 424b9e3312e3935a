import type { SessionUser } from './user';

/** A signed-in session: the access token lives here, in memory only (never in web storage). */
export interface Session {
  accessToken: string;
  user: SessionUser;
  /** When the access token expires (ms since the epoch). */
  expiresAt: number;
}

/** Why there is no session: never signed in, signed out on purpose, or ended (expired, refused, 401). */
export type SignedOutReason = 'initial' | 'signed-out' | 'ended';

type Listener = () => void;

/**
 * The one place the access token is kept. The API transport reads it for every request; a 401 or a
 * failed renewal ends it, and the console falls back to the sign-in screen.
 */
export class SessionStore {
  private session: Session | null = null;
  private reason: SignedOutReason = 'initial';
  private readonly listeners = new Set<Listener>();

  get current(): Session | null {
    return this.session;
  }

  get signedOutReason(): SignedOutReason {
    return this.reason;
  }

  accessToken(): string | undefined {
    return this.session?.accessToken;
  }

  set(session: Session): void {
    this.session = session;
    this.emit();
  }

  end(reason: Exclude<SignedOutReason, 'initial'>): void {
    if (!this.session && this.reason === reason) return;
    this.session = null;
    this.reason = reason;
    this.emit();
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private emit(): void {
    for (const l of [...this.listeners]) l();
  }
}

export const sessionStore = new SessionStore();
