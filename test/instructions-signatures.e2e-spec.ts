import { ReminderScheduler } from '../src/reminders/reminder-scheduler.js';
import type { CaughtMail, MailCatcher } from './helpers/mail-catcher.js';
import { planId, startMailedApp, startTestApp, type TestApp } from './helpers/test-app.js';

const at = (date: string, time = '10:00') => `${date}T${time}:00+08:00`;

interface Item {
  id: number;
  seq: number;
}
interface Unit {
  id: number;
  name: string;
  liaisonEmail: string | null;
}
interface InstructionView {
  id: number;
  itemType: string;
  itemId: number;
  author: { id: number; name: string; role: string };
  issuedDate: string;
  content: string;
}
interface SignatureRow {
  unit: { id: number; name: string };
  itemType: string;
  itemId: number;
  code: string;
  role: string;
  signed: boolean;
  signedDate: string | null;
  signedBy: { name: string } | null;
}

async function jiangjin(t: TestApp) {
  const plan = await planId(t, 'jiangjin');
  const tasks = (await t.http().get(`/api/v1/plans/${plan}/tasks?limit=1000`).expect(200)).body.items as Item[];
  const units = (await t.http().get(`/api/v1/plans/${plan}/units`).expect(200)).body.items as Unit[];
  const unit = (name: string) => units.find((u) => u.name === name)!;
  return { plan, task: (seq: number) => tasks.find((x) => x.seq === seq)!.id, jxw: unit('区经济信息委'), sthj: unit('区生态环境局') };
}

describe('批示 and 签收 through the API (Jiangjin)', () => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof jiangjin>>;
  let office: string;
  let leader: string;
  let jxw: string;
  let sthj: string;
  const api = (path: string) => `/api/v1/plans/${ids.plan}${path}`;

  beforeAll(async () => {
    t = await startTestApp({ SESSION_HOURS: '100000' });
    ids = await jiangjin(t);
    [office, leader, jxw, sthj] = await Promise.all(['jiangjin-office', 'jiangjin-leader', 'jiangjin-jxw', 'jiangjin-sthj'].map((u) => t.login(u)));
  }, 60_000);
  afterAll(() => t.close());

  it('a leader leaves a 批示 on task 11; its lead unit, the office and the leader read it, a unit not holding it gets 403', async () => {
    t.clock.set(at('2026-11-18'));
    const content = '绿色工厂创建要对标2025年目标，\n请区经济信息委月底前报送推进计划。';
    const res = await t
      .as(leader)
      .post(api('/instructions'))
      .send({ itemType: 'task', itemId: ids.task(11), content })
      .expect(201);
    const made = res.body as InstructionView;
    expect(made).toMatchObject({
      itemType: 'task',
      itemId: ids.task(11),
      issuedDate: '2026-11-18',
      content,
      author: { name: '江津区领导（演示）', role: 'leader' },
    });
    for (const token of [jxw, office, leader]) {
      const list = (
        await t
          .as(token)
          .get(api('/instructions'))
          .query({ itemType: 'task', itemId: ids.task(11) })
          .expect(200)
      ).body as { items: InstructionView[] };
      expect(list.items.map((i) => i.id)).toContain(made.id);
    }
    const refused = await t
      .as(sthj)
      .get(api('/instructions'))
      .query({ itemType: 'task', itemId: ids.task(11) })
      .expect(403);
    expect(refused.body.message).toBe('本单位不是任务11的牵头或配合单位，不能查看其批示');
    const sthjAll = (await t.as(sthj).get(api('/instructions')).expect(200)).body as { items: InstructionView[] };
    expect(sthjAll.items.map((i) => i.id)).not.toContain(made.id);
  });

  it('units cannot write a 批示 (403); a bad one is a 400 naming the field, and nothing is written', async () => {
    const count = async () => ((await t.as(office).get(api('/instructions')).expect(200)).body as { total: number }).total;
    const before = await count();
    await t
      .as(jxw)
      .post(api('/instructions'))
      .send({ itemType: 'task', itemId: ids.task(11), content: '单位不能批示' })
      .expect(403);
    const hidden = await t
      .as(leader)
      .post(api('/instructions'))
      .send({ itemType: 'task', itemId: ids.task(11), content: '请于\u202E月底前报送' })
      .expect(400);
    expect(hidden.body.errors).toEqual([{ field: 'content', value: '请于\u202E月底前报送', message: '含有不可见字符 U+202E（从右至左强制符）' }]);
    const blank = await t
      .as(leader)
      .post(api('/instructions'))
      .send({ itemType: 'task', itemId: ids.task(11), content: '  ' })
      .expect(400);
    expect(blank.body.errors[0].field).toBe('content');
    const stage = await t.as(leader).post(api('/instructions')).send({ itemType: 'stage', itemId: 1, content: '工作步骤' }).expect(400);
    expect(stage.body.errors[0].field).toBe('itemType');
    const missing = await t.as(office).post(api('/instructions')).send({ itemType: 'task', itemId: 999999, content: '不存在的任务' }).expect(404);
    expect(missing.body.message).toBe('任务不存在：999999');
    const noType = await t
      .as(office)
      .get(api('/instructions'))
      .query({ itemId: ids.task(11) })
      .expect(400);
    expect(noType.body.errors[0].field).toBe('itemType');
    expect(await count()).toBe(before);
  });

  it('a unit signs for an item it holds once: signing again answers the first date; the office sees who has not signed for what', async () => {
    t.clock.set(at('2026-11-10'));
    const first = await t
      .as(jxw)
      .post(api('/signatures'))
      .send({ itemType: 'task', itemId: ids.task(11) })
      .expect(200);
    t.clock.set(at('2026-11-12'));
    const again = await t
      .as(jxw)
      .post(api('/signatures'))
      .send({ itemType: 'task', itemId: ids.task(11) })
      .expect(200);
    expect(again.body).toEqual(first.body);
    expect(again.body).toMatchObject({
      itemType: 'task',
      itemId: ids.task(11),
      unit: { id: ids.jxw.id, name: '区经济信息委' },
      signedDate: '2026-11-10',
      signedBy: { name: '区经济信息委联络员（演示）' },
    });

    const unsigned = (await t.as(office).get(api('/signatures')).query({ signed: false, unitId: ids.jxw.id }).expect(200)).body as {
      items: SignatureRow[];
      units: { unit: { id: number }; held: number; unsigned: number }[];
    };
    expect(unsigned.items.length).toBeGreaterThan(0);
    expect(unsigned.items.every((r) => !r.signed && r.unit.id === ids.jxw.id)).toBe(true);
    expect(unsigned.items.map((r) => r.code)).not.toContain('任务11');
    expect(unsigned.units).toEqual([{ unit: { id: ids.jxw.id, name: '区经济信息委' }, held: unsigned.items.length + 1, unsigned: unsigned.items.length }]);
    const signed = (
      await t
        .as(leader)
        .get(api('/signatures'))
        .query({ signed: true, itemType: 'task', itemId: ids.task(11) })
        .expect(200)
    ).body as { items: SignatureRow[] };
    expect(signed.items.map((r) => [r.unit.name, r.role, r.signedDate])).toEqual([['区经济信息委', 'lead', '2026-11-10']]);
  });

  it('only a unit holding the item signs for it; a unit reads its own unit only; a bad body is a 400 naming the field', async () => {
    const notHeld = await t
      .as(sthj)
      .post(api('/signatures'))
      .send({ itemType: 'task', itemId: ids.task(11) })
      .expect(403);
    expect(notHeld.body.message).toContain('任务11');
    await t
      .as(office)
      .post(api('/signatures'))
      .send({ itemType: 'task', itemId: ids.task(11) })
      .expect(403);
    await t
      .as(leader)
      .post(api('/signatures'))
      .send({ itemType: 'task', itemId: ids.task(11) })
      .expect(403);
    const bad = await t
      .as(jxw)
      .post(api('/signatures'))
      .send({ itemType: 'tasks', itemId: ids.task(11) })
      .expect(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'itemType', value: 'tasks' });
    const badQuery = await t.as(office).get(api('/signatures')).query({ signed: 'maybe' }).expect(400);
    expect(badQuery.body.errors[0]).toMatchObject({ field: 'signed', value: 'maybe' });
    const other = (await t.as(jxw).get(api('/signatures')).query({ unitId: ids.sthj.id }).expect(200)).body as { items: SignatureRow[] };
    expect(other.items).toEqual([]);
    const own = (await t.as(sthj).get(api('/signatures')).expect(200)).body as { items: SignatureRow[] };
    expect(own.items.length).toBeGreaterThan(0);
    expect(own.items.every((r) => r.unit.id === ids.sthj.id)).toBe(true);
  });
});

describe('批示 and 签收 in the reminders (real SMTP server on loopback)', () => {
  let smtp: MailCatcher;
  let t: TestApp;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ t, smtp, close } = await startMailedApp());
  }, 60_000);
  afterAll(() => close());

  it('the monthly call lists items not signed for first with 【请签收】 and the 批示 so far; the next message only the 批示 given since', async () => {
    const ids = await jiangjin(t);
    const api = (path: string) => `/api/v1/plans/${ids.plan}${path}`;
    const [leader, jxw] = await Promise.all([t.login('jiangjin-leader'), t.login('jiangjin-jxw')]);
    const sweep = () => t.app.get(ReminderScheduler).sweepAndSend();
    const toLiaison = (mails: CaughtMail[]) => mails.filter((m) => m.to.includes(ids.jxw.liaisonEmail!));

    t.clock.set(at('2026-11-20'));
    await t
      .as(jxw)
      .post(api('/signatures'))
      .send({ itemType: 'task', itemId: ids.task(11) })
      .expect(200);
    t.clock.set(at('2026-11-24'));
    await t
      .as(leader)
      .post(api('/instructions'))
      .send({ itemType: 'task', itemId: ids.task(11), content: '批示一：请加快绿色工厂创建。' })
      .expect(201);

    // Wednesday 25 November: the monthly call.
    t.clock.set(at('2026-11-25', '09:00'));
    await sweep();
    const [call] = toLiaison(smtp.mails).filter((m) => m.subject.includes('进展填报'));
    expect(call.subject).toMatch(/^【进展填报】区经济信息委：请填报本月进展（\d+项），\d+项请签收$/);
    // Of the items it leads, those not signed for come first; the one signed for (task 11) last.
    const lines = call.text
      .split('配合事项')[0]
      .split('\n')
      .filter((l) => l.startsWith('· '));
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.slice(0, -1).every((l) => l.includes('【请签收】'))).toBe(true);
    expect(lines.at(-1)).toMatch(/^· 任务11 [^【]/);
    expect(call.text).toContain('  批示（2026年11月24日，江津区领导（演示））：批示一：请加快绿色工厂创建。\n');
    expect(call.html).toContain('批示（2026年11月24日，江津区领导（演示））：批示一：请加快绿色工厂创建。');

    // A second 批示 on Thursday; on Monday 30 November the nudge (no report since the call) lists only it.
    t.clock.set(at('2026-11-26'));
    await t
      .as(leader)
      .post(api('/instructions'))
      .send({ itemType: 'task', itemId: ids.task(11), content: '批示二：月底前报送推进计划。' })
      .expect(201);
    const before = smtp.mails.length;
    t.clock.set(at('2026-11-30', '09:00'));
    await sweep();
    const [nudge] = toLiaison(smtp.mails.slice(before)).filter((m) => m.subject.includes('填报提醒'));
    expect(nudge.subject).toBe('【填报提醒】区经济信息委本月尚未填报进展');
    expect(nudge.text).toContain('  批示（2026年11月26日，江津区领导（演示））：批示二：月底前报送推进计划。\n');
    expect(nudge.text).not.toContain('批示一');
    expect(nudge.text).not.toContain('【请签收】');
  }, 60_000);
});
