// Real service processes (node dist/bundle/main.js) on one database, for the multi-instance tests: a database per case
// (a new PostgreSQL database when TEST_DATABASE_URL names a server, else a SQLite file), a real SMTP server on
// loopback that records what it receives, and the processes' own schedulers doing the work.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { spawnService } from '../service-process.mjs';

export const ADMIN = { username: 'process-admin', password: 'process-admin-pass' };
export const DEMO_PASSWORD = 'qingdan-demo';

let created = 0;

/** An empty database and a small client to look into it: query(sql) answers rows; close() drops it. */
export async function createDatabase(name) {
  const dir = mkdtempSync(join(tmpdir(), `qingdan-${name}-`));
  const server = process.env.TEST_DATABASE_URL;
  if (!server?.startsWith('postgres')) {
    const path = join(dir, `${name}.sqlite`);
    let db = null;
    const open = () => (db ??= new Database(path, { readonly: false, timeout: 5000 }));
    return {
      engine: 'sqlite',
      dir,
      url: `sqlite:${path}`,
      query: async (sql) => open().prepare(sql).all(),
      close: async () => {
        db?.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const database = `qingdan_proc_${name.replace(/\W/g, '_')}_${process.pid}_${++created}`;
  await onServer(server, `CREATE DATABASE "${database}"`);
  const url = new URL(server);
  url.pathname = `/${database}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  return {
    engine: 'postgres',
    dir,
    url: url.toString(),
    query: async (sql) => (await client.query(sql)).rows,
    close: async () => {
      await client.end();
      await onServer(server, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function onServer(server, sql) {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A real SMTP server on loopback. Each message received is kept with its Message-ID; `delayMs` holds each reply
 * (250 after DATA) that long, so a sender can be caught in the middle of one.
 */
export async function startSmtp({ delayMs = 0 } = {}) {
  const mails = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (c) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const messageId = /^Message-ID:\s*(.+)$/im.exec(raw)?.[1].trim() ?? '';
        mails.push({ messageId, to: session.envelope.rcptTo.map((r) => r.address) });
        setTimeout(callback, delayMs);
      });
    },
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.server.address();
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** Starts `node dist/bundle/main.js` on the database and answers at once, before it is healthy (`ready()` waits for that). */
export async function launchInstance(db, smtp, { clock, env = {} } = {}) {
  const instance = await spawnService({
    DATABASE_URL: db.url,
    CLOCK: clock,
    SEED: 'true',
    SCHEDULER: 'true',
    SMTP_URL: smtp.url,
    OUTBOX_DIR: join(db.dir, 'outbox'),
    EVIDENCE_DIR: join(db.dir, 'evidence'),
    EVIDENCE_STORE: db.engine === 'postgres' ? 'database' : 'directory',
    ADMIN_USERNAME: ADMIN.username,
    ADMIN_PASSWORD: ADMIN.password,
    PASSWORD_HASH_COST: '12',
    // A deprecated call (the pg driver's query queue on a busy client among them) stops the instance.
    NODE_OPTIONS: '--throw-deprecation',
    ...env,
  });
  return {
    ...instance,
    async login(username, password = DEMO_PASSWORD) {
      const res = await instance.api('/auth/login', { method: 'POST', body: { username, password } });
      if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.token;
    },
  };
}

/** Polls `check` every `everyMs` until it answers truthy; throws after `timeoutMs` saying what was waited for. */
export async function waitFor(what, check, { timeoutMs = 120_000, everyMs = 200 } = {}) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const answer = await check();
    if (answer) return answer;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

const count = async (db, sql) => Number((await db.query(sql))[0].n);

/**
 * Waits until the day's work is done: messages written, none waiting or being sent, no lease held (a released lease
 * expires at the holder's frozen clock, `clock`), and nothing new for two seconds.
 */
export async function settled(db, smtp) {
  let last = '';
  let since = Date.now();
  return waitFor(
    'the sweep, the digest and the sender to finish',
    async () => {
      const total = await count(db, 'SELECT COUNT(*) AS n FROM outbox_messages');
      const open = await count(db, `SELECT COUNT(*) AS n FROM outbox_messages WHERE status IN ('pending', 'sending')`);
      const state = `${total}/${open}/${smtp.mails.length}`;
      if (state !== last) {
        last = state;
        since = Date.now();
        return false;
      }
      return total > 0 && open === 0 && Date.now() - since >= 2000;
    },
    { timeoutMs: 180_000, everyMs: 250 },
  );
}

/** The outbox as rows that do not depend on which instance wrote them: rule, recipient, date, subject, status. */
export async function outboxRows(db) {
  const rows = await db.query(`SELECT rule, channel, recipient, CAST("sendDate" AS TEXT) AS day, subject, status FROM outbox_messages`);
  return rows.map((r) => `${r.rule}|${r.channel}|${r.recipient}|${r.day}|${r.subject}|${r.status}`).sort();
}

/** How many times each Message-ID reached the SMTP server. */
export function deliveries(smtp) {
  const times = new Map();
  for (const mail of smtp.mails) times.set(mail.messageId, (times.get(mail.messageId) ?? 0) + 1);
  return times;
}
