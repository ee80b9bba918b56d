// The signed-in user and their bearer token.
//
// Kept in localStorage, not sessionStorage: leaders open items from links in mails and robot messages, each in a new
// tab, and sessionStorage would ask them to sign in again in every tab. The token still ends on the server after
// SESSION_HOURS, on logout (revoked) and on a password change; the page forgets it on any 401. The CSP
// (script-src 'self') keeps foreign scripts from reading it.
// The expiry is not judged here: the browser's clock is not the service's (office PCs run wrong, demos freeze the
// service's CLOCK); the API's 401 decides, and the router then signs the user in again.
import { computed, reactive } from 'vue';
import type { User } from './api/models.js';

const KEY = 'qingdan.session';

interface Stored {
  token: string;
  expiresAt: string;
  user: User;
}

function load(): Stored | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const stored = JSON.parse(raw) as Stored;
    if (!stored.token) return null;
    return stored;
  } catch {
    return null;
  }
}

export const session = reactive<{ current: Stored | null }>({ current: load() });

export const currentUser = computed(() => session.current?.user ?? null);

export function token(): string | null {
  return session.current?.token ?? null;
}

export function signedIn(): boolean {
  return session.current !== null;
}

export function remember(value: Stored): void {
  session.current = value;
  localStorage.setItem(KEY, JSON.stringify(value));
}

export function forget(): void {
  session.current = null;
  localStorage.removeItem(KEY);
}

// Another tab signed out or in: follow it.
window.addEventListener('storage', (event) => {
  if (event.key === KEY) session.current = load();
});
