import { AsyncLocalStorage } from 'node:async_hooks';
import type { Actor } from './role.js';

interface RequestContext {
  actor: Actor | null;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs fn with this actor as the one behind every change it makes (the audit log reads it). */
export function runAs<T>(actor: Actor | null, fn: () => T): T {
  return storage.run({ actor }, fn);
}

/** The actor of the request being handled; null outside a request (seeds, CLI) or for the public. */
export function currentActor(): Actor | null {
  return storage.getStore()?.actor ?? null;
}
