import { createHash } from 'node:crypto';
import { type EntityManager, In } from 'typeorm';
import { executeOn } from '../database/raw-sql.js';
import { OutboxBody } from './outbox-body.entity.js';
import type { OutboxMessage } from './outbox-message.entity.js';

/** What many messages share word for word, after each one's own beginning. */
export interface SharedBody {
  text: string;
  html: string | null;
  markdown: string | null;
  /** bodyHash of the three, when the writer worked it out once for many messages (withHash). */
  hash?: string;
}

/** The bodies looked up per query. */
const CHUNK = 400;
/** The bodies written per statement. */
const INSERT_CHUNK = 100;

/** SHA-256 of the three parts, each with its length (or N for none) before it, so no two bodies can run together. */
export function bodyHash(body: SharedBody): string {
  const hash = createHash('sha256');
  for (const part of [body.text, body.html, body.markdown]) hash.update(part === null ? 'N' : `S${part.length}:`).update(part ?? '');
  return hash.digest('hex');
}

/** The body with its hash worked out once, for a body many messages share. */
export function withHash(body: SharedBody): SharedBody {
  return { ...body, hash: bodyHash(body) };
}

/**
 * The ids of these bodies, writing those not kept yet (each once, however many messages share it; a body another
 * writer kept meanwhile is taken as it is). Runs on `manager`, so inside the caller's transaction.
 */
export async function keepBodies(manager: EntityManager, bodies: readonly (SharedBody | undefined)[]): Promise<(number | null)[]> {
  const hashes = bodies.map((body) => (body ? (body.hash ?? bodyHash(body)) : null));
  const byHash = new Map<string, SharedBody>();
  hashes.forEach((hash, i) => hash !== null && !byHash.has(hash) && byHash.set(hash, bodies[i]!));
  const ids = new Map<string, number>();
  const find = async (wanted: string[]) => {
    for (let i = 0; i < wanted.length; i += CHUNK) {
      const rows = await manager.find(OutboxBody, { where: { hash: In(wanted.slice(i, i + CHUNK)) }, select: { id: true, hash: true } });
      for (const row of rows) ids.set(row.hash, row.id);
    }
  };
  await find([...byHash.keys()]);
  const missing = [...byHash.keys()].filter((hash) => !ids.has(hash));
  if (missing.length) {
    const execute = executeOn(manager);
    // A hundred bodies per statement, not a statement (a round trip on PostgreSQL) each.
    for (let i = 0; i < missing.length; i += INSERT_CHUNK) {
      const chunk = missing.slice(i, i + INSERT_CHUNK);
      await execute(
        `INSERT INTO outbox_bodies ("hash", "text", "html", "markdown") VALUES ${chunk.map(() => '(?, ?, ?, ?)').join(', ')} ON CONFLICT ("hash") DO NOTHING`,
        chunk.flatMap((hash) => {
          const body = byHash.get(hash)!;
          return [hash, body.text, body.html, body.markdown];
        }),
      );
    }
    await find(missing);
  }
  return hashes.map((hash) => (hash === null ? null : ids.get(hash)!));
}

/** The messages as they are sent: those with a body get it after their own text, HTML and markdown. */
export async function withBodies(manager: EntityManager, messages: OutboxMessage[]): Promise<OutboxMessage[]> {
  const wanted = [...new Set(messages.map((m) => m.bodyId).filter((id): id is number => id !== null))];
  if (!wanted.length) return messages;
  const bodies = new Map<number, OutboxBody>();
  for (let i = 0; i < wanted.length; i += CHUNK) {
    for (const body of await manager.find(OutboxBody, { where: { id: In(wanted.slice(i, i + CHUNK)) } })) bodies.set(body.id, body);
  }
  return messages.map((message) => {
    const body = message.bodyId === null ? undefined : bodies.get(message.bodyId);
    if (!body) return message;
    return Object.assign(Object.create(Object.getPrototypeOf(message) as object) as OutboxMessage, message, {
      text: message.text + body.text,
      html: joined(message.html, body.html),
      markdown: joined(message.markdown, body.markdown),
    });
  });
}

function joined(own: string | null, shared: string | null): string | null {
  return own === null && shared === null ? null : (own ?? '') + (shared ?? '');
}
