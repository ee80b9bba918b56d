// Where to go after sign-in: only a path inside the app, never another site.

/** The ?redirect= value when it is an app path ("/plans/2/tasks/65"), else the home page. */
export function safeRedirect(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value.startsWith('/login') || value.startsWith('/api/')) return '/';
  return value;
}
