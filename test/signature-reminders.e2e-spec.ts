import { SenderService } from '../src/outbox/sender.service.js';
import type { CaughtMail, MailCatcher } from './helpers/mail-catcher.js';
import { once } from './helpers/once.js';
import { planId, startMailedApp, type TestApp } from './helpers/test-app.js';

// The office reminds the units that have not signed for (签收) their items: POST /plans/:planId/signatures/remind
// writes one message per unit and recipient to the outbox and the sender delivers it, here to a real SMTP server.

const at = (date: string, time = '10:00') => `${date}T${time}:00+08:00`;

interface Unit {
  id: number;
  name: string;
  liaisonEmail: string | null;
}
interface SignatureRow {
  unit: { id: number; name: string };
  itemType: string;
  itemId: number;
  code: string;
  signed: boolean;
}
interface RemindAnswer {
  date: string;
  queued: number;
  units: { unit: { id: number; name: string }; unsigned: number; queued: number; alreadyToday: number }[];
  unreachable: { id: number; name: string }[];
}

async function waitFor(mails: CaughtMail[], pick: (m: CaughtMail) => boolean, count = 1): Promise<CaughtMail[]> {
  for (let i = 0; i < 100; i++) {
    const found = mails.filter(pick);
    if (found.length >= count) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
  return mails.filter(pick);
}

describe('reminding units to sign for their items (real SMTP server on loopback)', () => {
  let smtp: MailCatcher;
  let t: TestApp;
  let plan: number;
  let jxw: Unit;
  let office: string;
  let jxwToken: string;
  let close: () => Promise<void>;
  const api = (path: string) => `/api/v1/plans/${plan}${path}`;

  beforeAll(async () => {
    ({ t, smtp, close } = await startMailedApp());
    plan = await planId(t, 'jiangjin');
    const units = (await t.http().get(api('/units')).expect(200)).body.items as Unit[];
    jxw = units.find((u) => u.name === '区经济信息委')!;
    [office, jxwToken] = await Promise.all([t.login('jiangjin-office'), t.login('jiangjin-jxw')]);
  }, 60_000);
  afterAll(() => close());

  const unsignedOf = async (unitId: number) =>
    ((await t.as(office).get(api('/signatures')).query({ signed: 'false', unitId }).expect(200)).body as { items: SignatureRow[] }).items;
  /** Monday 2026-11-23: the office reminds 区经济信息委 of what it has not signed for (the unsigned items read just before). */
  const givenMondayReminder = once(async () => {
    t.clock.set(at('2026-11-23'));
    const unsigned = await unsignedOf(jxw.id);
    const first = (
      await t
        .as(office)
        .post(api('/signatures/remind'))
        .send({ unitIds: [jxw.id] })
        .expect(200)
    ).body as RemindAnswer;
    return { unsigned, first };
  });

  it('units cannot send the reminder (403), and naming a unit with nothing to sign for is a 400 naming unitIds', async () => {
    await t.as(jxwToken).post(api('/signatures/remind')).send({}).expect(403);
    const bad = await t
      .as(office)
      .post(api('/signatures/remind'))
      .send({ unitIds: [999999] })
      .expect(400);
    expect(bad.body.errors).toEqual([
      expect.objectContaining({ field: 'unitIds', message: '单位 999999 没有待签收的事项（或不是本方案的责任单位），无需提醒' }),
    ]);
  });

  it('the liaison of 区经济信息委 gets one mail listing every item it has not signed for; a second click the same day sends nothing again', async () => {
    const { unsigned, first } = await givenMondayReminder();
    expect(unsigned.length).toBeGreaterThan(1);
    expect(first.date).toBe('2026-11-23');
    expect(first.units).toEqual([expect.objectContaining({ unit: { id: jxw.id, name: '区经济信息委' }, unsigned: unsigned.length, alreadyToday: 0 })]);
    expect(first.units[0].queued).toBeGreaterThanOrEqual(1);

    const toLiaison = (m: CaughtMail) => m.to.includes(jxw.liaisonEmail!) && m.subject.startsWith('【签收提醒】');
    const [mail] = await waitFor(smtp.mails, toLiaison);
    expect(mail.subject).toBe(`【签收提醒】区经济信息委：${unsigned.length}项事项尚未签收`);
    for (const row of unsigned) expect(mail.text).toContain(`· ${row.code}（`);
    expect(mail.text).toContain(`/plans/${plan}/tasks/`);
    expect(mail.text).not.toContain('/api/v1');

    const again = (
      await t
        .as(office)
        .post(api('/signatures/remind'))
        .send({ unitIds: [jxw.id] })
        .expect(200)
    ).body as RemindAnswer;
    expect(again.queued).toBe(0);
    expect(again.units[0]).toMatchObject({ queued: 0, alreadyToday: first.units[0].queued });
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.mails.filter(toLiaison)).toHaveLength(1);
    const outbox = (await t.as(office).get(api('/outbox')).query({ rule: 'signature' }).expect(200)).body as { items: { unitId: number; status: string }[] };
    expect(outbox.items.filter((m) => m.unitId === jxw.id)).toHaveLength(first.units[0].queued);
  });

  it('an item signed for drops out of the next day’s reminder', async () => {
    // The Monday reminder first, so the mail of the day after is the liaison's second.
    await givenMondayReminder();
    const before = await unsignedOf(jxw.id);
    const signed = before[0];
    await t.as(jxwToken).post(api('/signatures')).send({ itemType: signed.itemType, itemId: signed.itemId }).expect(200);
    t.clock.set(at('2026-11-24'));
    const answer = (
      await t
        .as(office)
        .post(api('/signatures/remind'))
        .send({ unitIds: [jxw.id] })
        .expect(200)
    ).body as RemindAnswer;
    expect(answer.units[0].unsigned).toBe(before.length - 1);
    const toLiaison = (m: CaughtMail) => m.to.includes(jxw.liaisonEmail!) && m.subject.startsWith('【签收提醒】');
    const mails = await waitFor(smtp.mails, toLiaison, 2);
    const latest = mails[mails.length - 1];
    expect(latest.subject).toBe(`【签收提醒】区经济信息委：${before.length - 1}项事项尚未签收`);
    expect(latest.text).not.toContain(`· ${signed.code}（`);
  });

  it('without unitIds every unit with items to sign for is reminded, and units with no address are named', async () => {
    t.clock.set(at('2026-11-25'));
    const all = (await t.as(office).get(api('/signatures')).query({ signed: 'false' }).expect(200)).body as { items: SignatureRow[] };
    const unitCount = new Set(all.items.map((r) => r.unit.id)).size;
    const answer = (await t.as(office).post(api('/signatures/remind')).send({}).expect(200)).body as RemindAnswer;
    expect(answer.units).toHaveLength(unitCount);
    const reached = answer.units.filter((u) => u.queued > 0).length;
    expect(reached + answer.unreachable.length).toBe(unitCount);
    expect(answer.queued).toBeGreaterThanOrEqual(reached);
    // The delivery the reminder started: every message sent to the catcher, none failed.
    await t.app.get(SenderService).deliverDue();
    const outbox = (await t.as(office).get(api('/outbox')).query({ rule: 'signature', sendDate: '2026-11-25', limit: 500 }).expect(200)).body as {
      items: { status: string; channel: string }[];
    };
    expect(outbox.items.filter((m) => m.channel === 'email' && m.status !== 'sent')).toEqual([]);
  }, 30_000);
});
