// Several service processes on one database (PostgreSQL when TEST_DATABASE_URL is set, else one SQLite file):
// a Monday's reminders and digests written and delivered once however many instances wake up, kill -9 in the middle
// of the sweep and of sending, and writes racing through different processes. Run after `npm run build:server`
// (npm run test:processes).
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { ADMIN, DEMO_PASSWORD, createDatabase, deliveries, launchInstance, outboxRows, settled, startSmtp, waitFor } from './instances.mjs';

/** Monday 2026-11-23, 09:30 in Shanghai: the seed plans' reminders and the leaders' weekly digests are due. */
const MONDAY = '2026-11-23T09:30:00+08:00';
/** Eleven minutes later: the leases (10 minutes) and sending claims (10 minutes) taken at MONDAY have lapsed. */
const LATER = '2026-11-23T09:41:00+08:00';

/** Time zones (TZ) for the instances of one case. */
const ZONES = ['UTC', 'Asia/Shanghai', 'America/New_York'];

const swept = async (db) => Number((await db.query(`SELECT COUNT(*) AS n FROM reminder_sweeps WHERE "sweptThrough" = '2026-11-23'`))[0].n);

const tableExists = async (db, name) =>
  (
    await db.query(
      db.engine === 'postgres' ? `SELECT to_regclass('${name}') IS NOT NULL AS ok` : `SELECT COUNT(*) > 0 AS ok FROM sqlite_master WHERE name = '${name}'`,
    )
  )[0].ok == true;

/** Runs `work` with a database and an SMTP server, and stops every instance it started, whatever happens. */
async function withSetup(name, smtpOptions, work) {
  const db = await createDatabase(name);
  const smtp = await startSmtp(smtpOptions);
  const instances = [];
  /** Starts an instance; with `{ wait: false }` answers before it is healthy. */
  const start = async (options, { wait = true } = {}) => {
    const instance = await launchInstance(db, smtp, options);
    instances.push(instance);
    if (wait) await instance.ready();
    return instance;
  };
  try {
    const result = await work({ db, smtp, start });
    for (const instance of instances) {
      // Nothing went wrong inside: no error logged (a failed sweep or delivery run), no deprecation thrown.
      assert.doesNotMatch(instance.log(), /\bERROR\b|DeprecationWarning|already executing a query/);
    }
    return result;
  } finally {
    await Promise.all(instances.map((i) => i.kill()));
    await smtp.close();
    await db.close();
  }
}

describe(`instances on one database (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  /** What one instance alone writes and delivers on MONDAY: the outbox rows and the number of plans swept. */
  let one;

  before(async () => {
    one = await withSetup('one', {}, async ({ db, smtp, start }) => {
      await start({ clock: MONDAY });
      await settled(db, smtp);
      const rows = await outboxRows(db);
      assert.equal(smtp.mails.length, rows.length, 'one instance delivers each message once');
      return { rows, plans: await swept(db) };
    });
    // The seed plans give a Monday's reminders, escalations and digests (109 messages, all by email); 4 plans swept.
    assert.ok(one.rows.length > 50, `one instance wrote ${one.rows.length} messages`);
    assert.equal(one.plans, 4);
  });

  for (const count of [2, 3]) {
    it(`${count} instances started together write and deliver each of a Monday's messages once, as one instance does`, async () => {
      await withSetup(`together-${count}`, {}, async ({ db, smtp, start }) => {
        // Each in a time zone of its own: instants in the database do not depend on the instance's TZ.
        await Promise.all(Array.from({ length: count }, (_, i) => start({ clock: MONDAY, env: { TZ: ZONES[i] } })));
        await settled(db, smtp);
        assert.deepEqual(await outboxRows(db), one.rows);
        const times = deliveries(smtp);
        assert.equal(times.size, one.rows.length);
        assert.deepEqual(
          [...times.values()].filter((n) => n !== 1),
          [],
          'no message reached the SMTP server twice',
        );
        assert.equal(await swept(db), one.plans);
      });
    });
  }

  it('an instance killed (kill -9) in the middle of the sweep: another finishes the day once the lease lapses, each message once', async (t) => {
    await withSetup('kill-sweep', {}, async ({ db, smtp, start }) => {
      const first = await start({ clock: MONDAY, env: { TZ: 'Asia/Shanghai' } }, { wait: false });
      // Kill the first instance once it has swept some plans and not others.
      const plansDone = await waitFor(
        'the first instance to be in the middle of its sweep',
        async () => {
          if (!(await tableExists(db, 'job_leases'))) return false;
          const leases = Number((await db.query(`SELECT COUNT(*) AS n FROM job_leases WHERE job = 'reminder-sweep'`))[0].n);
          if (leases === 0) return false;
          const done = await swept(db);
          // Some plans swept (their messages written), others not yet.
          if (done >= one.plans) throw new Error('the first instance finished its sweep before it could be killed');
          return done >= 1 ? { done } : false;
        },
        { everyMs: 5 },
      );
      await first.kill();
      const done = await swept(db);
      assert.ok(done < one.plans, `killed with ${done} of ${one.plans} plans swept (first seen at ${plansDone.done})`);
      const written = Number((await db.query('SELECT COUNT(*) AS n FROM outbox_messages'))[0].n);
      t.diagnostic(`killed with ${done} of ${one.plans} plans swept, ${written} of ${one.rows.length} messages written`);
      // In another time zone: it reads the lease's end as the instant the first instance meant.
      await start({ clock: LATER, env: { TZ: 'America/New_York' } });
      await settled(db, smtp);
      assert.deepEqual(await outboxRows(db), one.rows);
      assert.equal(await swept(db), one.plans);
      const times = deliveries(smtp);
      assert.equal(times.size, one.rows.length, 'every message delivered');
      // At most the one message the killed instance may have been handing to the SMTP server when it died.
      assert.ok([...times.values()].filter((n) => n > 1).length <= 1, 'no message delivered twice but the one in flight');
    });
  });

  it('an instance killed (kill -9) while sending: the messages it held are sent by another once its claims lapse, none lost', async (t) => {
    // The SMTP server answers each message after 100 ms, so the sender can be caught with one in hand.
    await withSetup('kill-send', { delayMs: 100 }, async ({ db, smtp, start }) => {
      const first = await start({ clock: MONDAY, env: { TZ: 'Asia/Shanghai' } });
      await waitFor('ten messages delivered', () => smtp.mails.length >= 10, { everyMs: 5 });
      await first.kill();
      const open = Number((await db.query(`SELECT COUNT(*) AS n FROM outbox_messages WHERE status IN ('pending', 'sending')`))[0].n);
      assert.ok(open > 0, 'the killed instance left messages to send');
      t.diagnostic(`killed with ${smtp.mails.length} messages received by the SMTP server, ${open} left to send`);
      await start({ clock: LATER, env: { TZ: 'America/Los_Angeles' } });
      await settled(db, smtp);
      assert.deepEqual(await outboxRows(db), one.rows);
      const times = deliveries(smtp);
      assert.equal(times.size, one.rows.length, 'every message delivered');
      t.diagnostic(`${[...times.values()].filter((n) => n > 1).length} message(s) delivered twice`);
      // The documented at-least-once window: the one message whose reply the killed sender never read, sent again
      // (with the same Message-ID) by the other instance. Nothing else twice.
      assert.ok([...times.values()].filter((n) => n > 1).length <= 1, 'no message delivered twice but the one in flight');
    });
  });

  it('two PATCHes of one task at the same version through two processes: one is saved, the other is 409 carrying it', async () => {
    await withSetup('patch', {}, async ({ start }) => {
      // No demo progress: task 11's milestones have no reports, so its content (and with it its milestones) may change.
      const env = { SCHEDULER: 'false', DEMO_PROGRESS: 'false' };
      const [a, b] = await Promise.all([start({ clock: MONDAY, env }), start({ clock: MONDAY, env })]);
      const admin = await a.login(ADMIN.username, ADMIN.password);
      const plans = (await a.api('/plans', { token: admin })).body;
      const plan = plans.find((p) => p.key === 'jiangjin').id;
      const office = await a.login('jiangjin-office');
      const task = (await a.api(`/plans/${plan}/tasks?limit=1000`, { token: office })).body.items.find((i) => i.seq === 11);
      const current = (await a.api(`/plans/${plan}/tasks/${task.id}`, { token: office })).body;
      const texts = ['到2023年，新增绿色工厂3个（经一号实例修改）。', '到2023年，新增绿色工厂3个（经二号实例修改）。'];
      const answers = await Promise.all(
        [a, b].map((instance, i) =>
          instance.api(`/plans/${plan}/tasks/${task.id}`, { token: office, method: 'PATCH', body: { content: texts[i], version: current.version } }),
        ),
      );
      assert.deepEqual(answers.map((r) => r.status).sort(), [200, 409]);
      const winner = answers.find((r) => r.status === 200).body;
      assert.equal(answers.find((r) => r.status === 409).body.current.content, winner.content);
      const stored = (await b.api(`/plans/${plan}/tasks/${task.id}`, { token: office })).body;
      assert.equal(stored.version, current.version + 1);
      assert.equal(stored.content, winner.content);
    });
  });

  it('five failed logins spread over three processes lock the account on all three', async () => {
    await withSetup('login', {}, async ({ start }) => {
      const instances = await Promise.all([1, 2, 3].map(() => start({ clock: MONDAY, env: { SCHEDULER: 'false' } })));
      const login = (instance, password) => instance.api('/auth/login', { method: 'POST', body: { username: 'jiangjin-fgw', password } });
      for (const instance of [instances[0], instances[0], instances[1], instances[1], instances[2]]) {
        assert.equal((await login(instance, '猜错的密码')).status, 401);
      }
      for (const instance of instances) {
        const refused = await login(instance, DEMO_PASSWORD);
        assert.equal(refused.status, 429);
        assert.equal(refused.body.message, '登录失败次数过多，请 15 分钟后再试');
      }
    });
  });
});
