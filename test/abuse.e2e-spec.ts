import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SenderService } from '../src/outbox/sender.service.js';
import { RawReader } from '../src/database/raw-reader.js';
import type { RobotNetwork } from '../src/outbox/robot-network.js';
import { ReminderScheduler } from '../src/reminders/reminder-scheduler.js';
import { LogCatcher } from './helpers/log-catcher.js';
import { type RobotReceiver, startRobotReceiver } from './helpers/mail-catcher.js';
import { planId, startTestApp, type TestApp } from './helpers/test-app.js';

/**
 * Issue 13: hold against abuse and bad input. One `it` per kind of attack; each expects a clear 4xx with a
 * Chinese message naming the field or value, and reads back that nothing was written.
 */

interface Item {
  id: number;
  seq: number;
  version: number;
  milestones: { id: number; dueDate: string | null }[];
  leadUnits: { id: number; name: string }[];
}

/** Keeps superagent from turning a Buffer body into JSON: the bytes go out as they are (its typing says string). */
const bytesAsIs = (raw: Buffer) => raw as unknown as string;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const CHINESE = /[\u4e00-\u9fff]/;
const hasStack = (lines: LogCatcher['lines']) => lines.some((l) => l.level === 'error' || /\n\s+at /.test([l.message, ...l.extra.map(String)].join('\n')));

describe('abuse and bad input (the Jiangjin plan)', () => {
  let t: TestApp;
  let logs: LogCatcher;
  let plan: number;
  let office: string;
  let jxw: string; // 区经济信息委
  let jxwId: number;
  const api = (path: string) => `/api/v1/plans/${plan}${path}`;
  const tasks = async (query = '') =>
    (
      await t
        .as(office)
        .get(api(`/tasks?limit=1000${query}`))
        .expect(200)
    ).body as { items: Item[]; total: number };
  const task = async (seq: number) => (await tasks()).items.find((x) => x.seq === seq)!;
  const contacts = async () =>
    (
      await t
        .as(office)
        .get(api(`/units/${jxwId}/contacts`))
        .expect(200)
    ).body as unknown[];
  const reports = async () => (await t.as(jxw).get(api('/progress')).expect(200)).body as { id: number; narrative: string }[];

  beforeAll(async () => {
    logs = new LogCatcher();
    t = await startTestApp({ SESSION_HOURS: '100000' }, logs);
    plan = await planId(t, 'jiangjin');
    t.clock.set('2026-11-23T10:00:00+08:00');
    [office, jxw] = await Promise.all([t.login('jiangjin-office'), t.login('jiangjin-jxw')]);
    const units = (await t.as(office).get(api('/units')).expect(200)).body.items as { id: number; name: string }[];
    jxwId = units.find((u) => u.name === '区经济信息委')!.id;
  }, 60_000);
  afterAll(() => t.close());

  it('ssrf: a robot contact on an inside address, over plain http, or on a host that is not the robot’s is refused', async () => {
    const before = await contacts();
    const refused: [string, string, string][] = [
      ['wecom', 'http://127.0.0.1:9/robot?key=k', 'https'],
      ['wecom', 'https://127.0.0.1/cgi-bin/webhook/send?key=k', '127.0.0.1'],
      ['dingtalk', 'https://169.254.169.254/latest/meta-data?access_token=k', '169.254.169.254'],
      ['wecom', 'https://2130706433/send?key=k', '127.0.0.1'], // decimal spelling of 127.0.0.1
      ['wecom', 'https://0x7f.0.0.1/send?key=k', '127.0.0.1'], // hex spelling
      ['wecom', 'https://[::1]/send?key=k', '[::1]'],
      ['wecom', 'https://[::ffff:127.0.0.1]/send?key=k', '[::ffff:7f00:1]'], // IPv4-mapped IPv6
      ['dingtalk', 'https://[fd00::1]/robot/send?access_token=k', '[fd00::1]'],
      ['dingtalk', 'https://[fe80::1]/robot/send?access_token=k', '[fe80::1]'],
      ['wecom', 'https://10.0.0.8/send?key=k', '10.0.0.8'],
      ['wecom', 'https://192.168.1.1/send?key=k', '192.168.1.1'],
      ['wecom', 'https://localhost/send?key=k', 'localhost'],
      ['wecom', 'https://robot.example.org/send?key=k', 'robot.example.org'],
      ['wecom', 'http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', 'https'],
    ];
    for (const [channel, address, named] of refused) {
      const res = await t
        .as(office)
        .post(api(`/units/${jxwId}/contacts`))
        .send({ role: 'group', channel, address });
      expect([address, res.status]).toEqual([address, 400]);
      expect(res.body.errors[0].field).toBe('address');
      expect(res.body.message).toMatch(CHINESE);
      expect(res.body.errors[0].message).toContain(named);
    }
    expect(await contacts()).toEqual(before);
    // The robots' own hosts are taken.
    await t
      .as(office)
      .post(api(`/units/${jxwId}/contacts`))
      .send({ role: 'group', channel: 'wecom', address: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abcd-1234' })
      .expect(201);
  });

  it('deleting an item with records is a 409 naming them; DELETE needs the version', async () => {
    const task11 = await task(11);
    const created = await t
      .as(jxw)
      .post(api('/progress'))
      .send({ itemType: 'task', itemId: task11.id, state: 'in_progress', percent: 20, narrative: '推进中' })
      .expect(201);
    await t
      .as(jxw)
      .post(api(`/progress/${created.body.id}/evidence`))
      .attach('file', PDF, '材料.pdf')
      .expect(201);
    const noVersion = await t
      .as(office)
      .delete(api(`/tasks/${task11.id}`))
      .expect(400);
    expect(noVersion.body.errors[0].field).toBe('version');
    expect(noVersion.body.message).toMatch(CHINESE);
    const stale = await t
      .as(office)
      .delete(api(`/tasks/${task11.id}?version=${task11.version + 5}`))
      .expect(409);
    expect(stale.body.errors[0].field).toBe('version');
    const inUse = await t
      .as(office)
      .delete(api(`/tasks/${task11.id}?version=${task11.version}`))
      .expect(409);
    expect(inUse.body.message).toContain('任务11');
    expect(inUse.body.message).toContain('进展填报');
    expect(inUse.body.message).toContain('佐证材料');
    expect(inUse.body.message).toContain('撤销');
    // Nothing went: the task, its milestones and its report are all there.
    expect(await task(11)).toEqual(task11);
    expect((await reports()).map((r) => r.id)).toContain(created.body.id);
    // An item without records goes with the version it was read at.
    const fresh = await t
      .as(office)
      .post(api('/tasks'))
      .send({ seq: 901, content: '2027年底前完成摸底', leadUnitIds: [jxwId] })
      .expect(201);
    await t
      .as(office)
      .delete(api(`/tasks/${fresh.body.id}`))
      .send({ version: fresh.body.version })
      .expect(204);
    await t
      .as(office)
      .get(api(`/tasks/${fresh.body.id}`))
      .expect(404);
  });

  it('withdrawing an item (撤销) keeps its history readable and takes it out of lists, reminders and the overdue report', async () => {
    const monday = '2026-11-23';
    const overdue = (await tasks(`&overdue=true&asOf=${monday}`)).items.filter((x) => x.leadUnits.length > 0);
    const victim = overdue.find((x) => x.seq !== 11)!;
    const code = new RegExp(`任务${victim.seq}(?!\\d)`);
    const [listBefore, reportBefore, previewBefore] = await Promise.all([
      tasks(),
      t
        .as(office)
        .get(api(`/reports/progress?asOf=${monday}`))
        .expect(200),
      t
        .as(office)
        .get(api(`/reminders/preview?date=${monday}`))
        .expect(200),
    ]);
    expect(JSON.stringify(previewBefore.body)).toMatch(code);
    const overdueBefore = await t
      .as(office)
      .get(api(`/reports/overdue?asOf=${monday}`))
      .expect(200);
    expect(overdueBefore.body.rows.some((r: { itemId: number; itemType: string }) => r.itemType === 'task' && r.itemId === victim.id)).toBe(true);

    const noReason = await t
      .as(office)
      .post(api(`/tasks/${victim.id}/withdraw`))
      .send({ version: victim.version })
      .expect(400);
    expect(noReason.body.errors[0].field).toBe('reason');
    const res = await t
      .as(office)
      .post(api(`/tasks/${victim.id}/withdraw`))
      .send({ reason: '经领导小组研究，该任务并入任务12', version: victim.version })
      .expect(200);
    expect(res.body).toMatchObject({ id: victim.id, withdrawnReason: '经领导小组研究，该任务并入任务12', withdrawnOn: monday });

    const listAfter = await tasks();
    expect(listAfter.total).toBe(listBefore.total - 1);
    expect(listAfter.items.map((x) => x.id)).not.toContain(victim.id);
    const withdrawn = await tasks('&withdrawn=true');
    expect(withdrawn.items.map((x) => x.id)).toEqual([victim.id]);
    // Its own page stays readable.
    const one = await t
      .as(office)
      .get(api(`/tasks/${victim.id}`))
      .expect(200);
    expect(one.body.withdrawnReason).toBe('经领导小组研究，该任务并入任务12');
    const preview = await t
      .as(office)
      .get(api(`/reminders/preview?date=${monday}`))
      .expect(200);
    expect(JSON.stringify(preview.body)).not.toMatch(code);
    const overdueAfter = await t
      .as(office)
      .get(api(`/reports/overdue?asOf=${monday}`))
      .expect(200);
    expect(overdueAfter.body.rows.some((r: { itemId: number; itemType: string }) => r.itemType === 'task' && r.itemId === victim.id)).toBe(false);
    const taskCount = (body: { lists: { list: string; total: number }[] }) => body.lists.find((l) => l.list === 'task')!.total;
    const reportAfter = await t
      .as(office)
      .get(api(`/reports/progress?asOf=${monday}`))
      .expect(200);
    expect(taskCount(reportAfter.body)).toBe(taskCount(reportBefore.body) - 1);
    // Withdrawn twice is a 409, and the first reason stays.
    await t
      .as(office)
      .post(api(`/tasks/${victim.id}/withdraw`))
      .send({ reason: '再撤', version: one.body.version })
      .expect(409);
    expect(
      (
        await t
          .as(office)
          .get(api(`/tasks/${victim.id}`))
          .expect(200)
      ).body.withdrawnReason,
    ).toBe('经领导小组研究，该任务并入任务12');
  });

  it("a withdrawn item is no one's responsibility: not counted, not in a unit's list, not edited, reported on or supervised", async () => {
    // Task 11 is led by 区经济信息委 (jiangjin-jxw); the test withdraws a task of its own making so it can run alone.
    const made = await t
      .as(office)
      .post(api('/tasks'))
      .send({ seq: 801, content: '2026年底前完成试点工作总结', leadUnitIds: [jxwId] })
      .expect(201);
    const id = made.body.id as number;
    const planBefore = (await t.as(office).get(api('')).expect(200)).body.counts.tasks as number;
    const unitList = async () =>
      (
        (
          await t
            .as(office)
            .get(api(`/responsibilities?unit=${jxwId}`))
            .expect(200)
        ).body.items as { itemType: string; id: number }[]
      ).filter((i) => i.itemType === 'task' && i.id === id);
    expect(await unitList()).toHaveLength(1);
    const res = await t
      .as(office)
      .post(api(`/tasks/${id}/withdraw`))
      .send({ reason: '并入任务11', version: made.body.version })
      .expect(200);
    expect((await t.as(office).get(api('')).expect(200)).body.counts.tasks).toBe(planBefore - 1);
    expect(await unitList()).toHaveLength(0);
    const edit = await t
      .as(office)
      .patch(api(`/tasks/${id}`))
      .send({ content: '改写', version: res.body.version })
      .expect(409);
    expect(edit.body.message).toContain('撤销');
    const report = await t.as(jxw).post(api('/progress')).send({ itemType: 'task', itemId: id, state: 'in_progress', narrative: '推进中' }).expect(409);
    expect(report.body.message).toContain('撤销');
    await t.as(office).post(api('/notices')).send({ itemType: 'task', itemId: id, content: '请加快推进', answerBy: '2026-12-31' }).expect(409);
    const milestone = made.body.milestones[0].id as number;
    await t.as(jxw).post(api('/extensions')).send({ milestoneId: milestone, requestedDueDate: '2027-06-30', reason: '推迟' }).expect(409);
    const after = (
      await t
        .as(office)
        .get(api(`/tasks/${id}`))
        .expect(200)
    ).body;
    expect(after).toMatchObject({ content: '2026年底前完成试点工作总结', withdrawnReason: '并入任务11' });
    expect(
      (
        await t
          .as(jxw)
          .get(api(`/progress?itemType=task&itemId=${id}`))
          .expect(200)
      ).body,
    ).toHaveLength(0);
  });

  it('deleting a plan removes its evidence files from disk', async () => {
    const created = await t
      .http()
      .post('/api/v1/plans')
      .send({ name: '测试方案', region: '测试区', periodStart: '2026-01-01', periodEnd: '2027-12-31' })
      .expect(201);
    const p = created.body.id as number;
    const unit = await t.http().post(`/api/v1/plans/${p}/units`).send({ name: '测试局' }).expect(201);
    const item = await t
      .http()
      .post(`/api/v1/plans/${p}/tasks`)
      .send({ seq: 1, content: '2027年底前完成', leadUnitIds: [unit.body.id] })
      .expect(201);
    await t
      .http()
      .post('/api/v1/users')
      .send({ username: 'abuse-unit', password: 'abuse-password-1', role: 'unit', planId: p, unitId: unit.body.id })
      .expect(201);
    const unitToken = await t.login('abuse-unit', 'abuse-password-1');
    const report = await t
      .as(unitToken)
      .post(`/api/v1/plans/${p}/progress`)
      .send({ itemType: 'task', itemId: item.body.id, state: 'in_progress', percent: 10, narrative: '开始' })
      .expect(201);
    await t.as(unitToken).post(`/api/v1/plans/${p}/progress/${report.body.id}/evidence`).attach('file', PDF, '证明.pdf').expect(201);
    // The plan's evidence bytes, wherever EVIDENCE_STORE keeps them: files in its folder, or rows in PostgreSQL.
    const planDir = join(t.config.evidenceDir, String(p));
    const storedFiles = async () =>
      t.config.evidenceStore === 'directory'
        ? existsSync(planDir)
          ? readdirSync(planDir, { recursive: true }).filter((f) => String(f).includes('.')).length
          : 0
        : Number((await t.app.get(RawReader).all<{ n: number | string }>('SELECT COUNT(*) AS n FROM evidence_blobs WHERE "planId" = ?', [p]))[0].n);
    expect(await storedFiles()).toBe(1);
    await t.http().delete(`/api/v1/plans/${p}`).expect(204);
    expect(await storedFiles()).toBe(0);
    expect(existsSync(planDir)).toBe(false);
  });

  it('progress that contradicts itself is a 400 naming the fields, in Chinese', async () => {
    const task11 = await task(11);
    const before = await reports();
    const bad: [Record<string, unknown>, string][] = [
      [{ state: 'done', percent: 10 }, 'percent'],
      [{ state: 'in_progress', quantityDone: 500, quantityTotal: 3 }, 'quantityDone'],
      [{ state: 'in_progress', quantityDone: 1, quantityTotal: 4, percent: 90 }, 'percent'],
      [{ state: 'done', quantityDone: 1, quantityTotal: 4 }, 'state'],
    ];
    for (const [fields, field] of bad) {
      const res = await t
        .as(jxw)
        .post(api('/progress'))
        .send({ itemType: 'task', itemId: task11.id, narrative: '矛盾', ...fields });
      expect([fields, res.status]).toEqual([fields, 400]);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(res.body.message).toMatch(CHINESE);
    }
    expect(await reports()).toEqual(before);
  });

  it('a JSON body that is not UTF-8 (GBK, with or without charset) is a 400, never stored as U+FFFD', async () => {
    const task11 = await task(11);
    const before = await reports();
    const gbk = Buffer.concat([
      Buffer.from(`{"itemType":"task","itemId":${task11.id},"state":"in_progress","narrative":"`),
      Buffer.from([0xcd, 0xea, 0xb3, 0xc9]), // 完成 in GBK
      Buffer.from('"}'),
    ]);
    for (const type of ['application/json', 'application/json; charset=gbk']) {
      const mark = logs.lines.length;
      const res = await t.as(jxw).post(api('/progress')).set('content-type', type).serialize(bytesAsIs).send(gbk);
      expect([type, res.status]).toEqual([type, 400]);
      expect(res.body.message).toContain('UTF-8');
      expect(hasStack(logs.since(mark))).toBe(false);
    }
    expect(await reports()).toEqual(before);
    expect(JSON.stringify(await reports())).not.toContain('\ufffd');
  });

  it('JSON nested thousands of levels deep is a 400 with one log line, not a stack', async () => {
    const before = await contacts();
    const deep = `{"role":"group","channel":"email","address":"a@example.org","name":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    const mark = logs.lines.length;
    const res = await t
      .as(office)
      .post(api(`/units/${jxwId}/contacts`))
      .set('content-type', 'application/json')
      .send(deep)
      .expect(400);
    expect(res.body.message).toContain('嵌套');
    const lines = logs.since(mark).filter((l) => l.level !== 'log');
    expect(lines).toHaveLength(1);
    expect(hasStack(lines)).toBe(false);
    expect(await contacts()).toEqual(before);
  });

  it('duplicate JSON keys are a 400 naming the key', async () => {
    const before = await contacts();
    const twice = '{"role":"group","channel":"email","address":"first@example.org","address":"second@example.org"}';
    const res = await t
      .as(office)
      .post(api(`/units/${jxwId}/contacts`))
      .set('content-type', 'application/json')
      .send(twice)
      .expect(400);
    expect(res.body.errors[0]).toMatchObject({ field: 'address' });
    expect(res.body.message).toContain('重复');
    expect(await contacts()).toEqual(before);
  });

  it('an offset or limit beyond any list (offset=1e20) is a 400, not a 500', async () => {
    for (const query of ['offset=1e20', 'offset=99999999999999999999', 'limit=1e20']) {
      const mark = logs.lines.length;
      const res = await t.as(office).get(api(`/tasks?${query}`));
      expect([query, res.status]).toEqual([query, 400]);
      expect(res.body.message).toMatch(CHINESE);
      expect(hasStack(logs.since(mark))).toBe(false);
    }
  });

  it('a truncated multipart body, or one without a boundary, is a 400 with one log line', async () => {
    const task11 = await task(11);
    const created = await t
      .as(jxw)
      .post(api('/progress'))
      .send({ itemType: 'task', itemId: task11.id, state: 'in_progress', percent: 5, narrative: '上传测试' })
      .expect(201);
    const url = api(`/progress/${created.body.id}/evidence`);
    const truncated = Buffer.concat([
      Buffer.from('--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n'),
      PDF.subarray(0, 20),
    ]);
    for (const [type, body] of [
      ['multipart/form-data; boundary=XYZ', truncated],
      ['multipart/form-data', Buffer.from('--XYZ\r\n\r\nabc\r\n--XYZ--\r\n')],
    ] as const) {
      const mark = logs.lines.length;
      const res = await t.as(jxw).post(url).set('content-type', type).serialize(bytesAsIs).send(body);
      expect([type, res.status]).toEqual([type, 400]);
      expect(res.body.message).toMatch(CHINESE);
      const lines = logs.since(mark).filter((l) => l.level !== 'log');
      expect(lines).toHaveLength(1);
      expect(hasStack(lines)).toBe(false);
    }
    expect(
      (
        await t
          .as(jxw)
          .get(api(`/progress/${created.body.id}`))
          .expect(200)
      ).body.evidence,
    ).toEqual([]);
  });

  it('two files where one is expected (evidence, import) is a 400', async () => {
    const task11 = await task(11);
    const created = await t
      .as(jxw)
      .post(api('/progress'))
      .send({ itemType: 'task', itemId: task11.id, state: 'in_progress', percent: 5, narrative: '两个文件' })
      .expect(201);
    const res = await t
      .as(jxw)
      .post(api(`/progress/${created.body.id}/evidence`))
      .attach('file', PDF, '一.pdf')
      .attach('file', PDF, '二.pdf')
      .expect(400);
    expect(res.body.message).toContain('一个文件');
    expect(
      (
        await t
          .as(jxw)
          .get(api(`/progress/${created.body.id}`))
          .expect(200)
      ).body.evidence,
    ).toEqual([]);
    const csv = Buffer.from('序号,任务内容,牵头单位,配合单位\n950,2027年底前完成新任务,区经济信息委,\n');
    const imported = await t.as(office).post(api('/import/tasks')).attach('file', csv, 'a.csv').attach('file', csv, 'b.csv').expect(400);
    expect(imported.body.message).toContain('一个文件');
    expect((await tasks()).items.some((x) => x.seq === 950)).toBe(false);
  });

  it('unknown query parameters are refused on every list endpoint alike', async () => {
    const lists = [
      '/api/v1/plans',
      api('/tasks'),
      api('/projects'),
      api('/indicators'),
      api('/units'),
      api('/contacts'),
      api('/progress'),
      api('/notices'),
      api('/extensions'),
      api('/outbox'),
      api('/responsibilities'),
      api('/audit'),
      '/api/v1/outbox',
      '/api/v1/users',
      '/api/v1/audit',
      '/api/v1/auth/tokens',
    ];
    for (const path of lists) {
      const res = await t.http().get(`${path}${path.includes('?') ? '&' : '?'}sneaky=1`);
      expect([path, res.status]).toEqual([path, 400]);
      expect(res.body.errors[0]).toMatchObject({ field: 'sneaky' });
      expect(res.body.message).toMatch(CHINESE);
    }
  });
});

/** The robots' network at the app's boundary: names resolve through this table, and one public address leads to the loopback receiver. */
function testNetwork(receiver: RobotReceiver, names: Record<string, string[]>, sent: string[]): RobotNetwork {
  return {
    lookup: async (host) => names[host] ?? [],
    post: async (address, url, body) => {
      sent.push(`${address} ${url.hostname}`);
      const res = await fetch(receiver.url(`${url.pathname}${url.search}`), { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      return { status: res.status, body: await res.text() };
    },
  };
}

describe('abuse: robots at send time (resolved addresses, answers)', () => {
  let t: TestApp;
  let robots: RobotReceiver;
  const sent: string[] = [];
  let plan: number;

  beforeAll(async () => {
    robots = await startRobotReceiver({
      status: (path) => (path.includes('key=broken') ? 500 : 200),
      body: (path) => (path.includes('key=broken') ? 'stack trace at /srv/secret/internal.py line 42' : undefined),
    });
    t = await startTestApp({ SESSION_HOURS: '100000', WEBHOOK_ALLOWED_HOSTS: 'robot.example.org, rebind.example.org' }, false, {
      robotNetwork: testNetwork(
        robots,
        { 'robot.example.org': ['203.0.114.10'], 'rebind.example.org': ['203.0.114.11', '127.0.0.1'], 'qyapi.weixin.qq.com': ['101.91.0.10'] },
        sent,
      ),
    });
    plan = await planId(t, 'jiangjin');
    const units = (await t.http().get(`/api/v1/plans/${plan}/units`).expect(200)).body.items as { id: number; name: string }[];
    const unit = units.find((u) => u.name === '区经济信息委')!.id;
    for (const address of ['https://rebind.example.org/send?key=rebind-secret', 'https://robot.example.org/send?key=broken']) {
      await t.http().post(`/api/v1/plans/${plan}/units/${unit}/contacts`).send({ role: 'group', channel: 'wecom', address }).expect(201);
    }
    t.clock.set('2026-11-23T09:00:00+08:00');
    await t.app.get(ReminderScheduler).sweepAndSend();
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await robots.close();
  });

  const robotRows = async (host: string) =>
    (
      (await t.http().get('/api/v1/outbox').query({ limit: 1000 }).expect(200)).body.items as { recipient: string; status: string; lastError: string | null }[]
    ).filter((m) => m.recipient.includes(host));

  it('ssrf at send time: a host that resolves to an inside address is never connected to', async () => {
    const rows = await robotRows('rebind.example.org');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((m) => m.status === 'failed')).toBe(true);
    expect(rows[0].lastError).toContain('127.0.0.1');
    expect(sent.filter((s) => s.includes('rebind'))).toEqual([]);
    expect(robots.posts.filter((p) => p.path.includes('rebind'))).toEqual([]);
    expect(JSON.stringify(rows)).not.toContain('rebind-secret');
  });

  it('a robot’s answer body is never kept: lastError is a short status line', async () => {
    await t.app.get(SenderService).deliverDue();
    const rows = await robotRows('robot.example.org');
    expect(rows.length).toBeGreaterThan(0);
    expect(sent.some((s) => s === '203.0.114.10 robot.example.org')).toBe(true);
    for (const row of rows) {
      expect(row.lastError).toContain('HTTP 500');
      expect(row.lastError).not.toContain('secret');
      expect(row.lastError).not.toContain('stack');
    }
  });
});
