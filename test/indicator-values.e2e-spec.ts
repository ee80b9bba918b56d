import { once } from './helpers/once.js';
import { planId, startTestApp, type TestApp } from './helpers/test-app.js';

interface IndicatorRow {
  id: number;
  seq: number;
  name: string;
  direction: string;
  targets: { year: number; text: string; value: number | null }[];
  leadUnits: { id: number; name: string }[];
}

describe('indicator values', () => {
  let t: TestApp;
  let jiangjin: number;
  let foshan: number;
  let intensity: IndicatorRow;
  let satisfaction: IndicatorRow;
  const tokens: Record<string, string> = {};
  const api = (path: string) => `/api/v1${path}`;
  const values = (plan: number, indicator: number, period = '') => api(`/plans/${plan}/indicators/${indicator}/values${period ? `/${period}` : ''}`);

  async function indicatorBySeq(plan: number, seq: number): Promise<IndicatorRow> {
    const res = await t
      .http()
      .get(api(`/plans/${plan}/indicators?limit=100`))
      .expect(200);
    const found = (res.body.items as IndicatorRow[]).find((i) => i.seq === seq);
    if (!found) throw new Error(`indicator ${seq} not in plan ${plan}`);
    return found;
  }

  beforeAll(async () => {
    t = await startTestApp();
    jiangjin = await planId(t, 'jiangjin');
    foshan = await planId(t, 'foshan');
    intensity = await indicatorBySeq(jiangjin, 1);
    satisfaction = await indicatorBySeq(foshan, 60);
    for (const user of ['jiangjin-office', 'jiangjin-leader', 'jiangjin-sthj', 'jiangjin-fgw', 'foshan-office', 'foshan-gxj']) {
      tokens[user] = await t.login(user);
    }
  });
  afterAll(() => t.close());

  // Values the cases stand on, each recorded the first time a case asks for it.
  /** The office records 0.45 for 2023 against Jiangjin indicator 1 (≤0.48 by 2025). */
  const givenMet2023 = once(() =>
    t
      .as(tokens['jiangjin-office'])
      .put(values(jiangjin, intensity.id, '2023'))
      .send({ value: 0.45, note: '区统计局年报' })
      .expect(200),
  );
  /** …then replaces it with 0.52, with the version it read. */
  const givenNotMet2023 = once(async () => {
    const met = await givenMet2023();
    return t
      .as(tokens['jiangjin-office'])
      .put(values(jiangjin, intensity.id, '2023'))
      .send({ value: 0.52, version: met.body.version })
      .expect(200);
  });
  /** The lead unit (区生态环境局) records 0.47 for 2024-06. */
  const givenUnitValue = once(() =>
    t
      .as(tokens['jiangjin-sthj'])
      .put(values(jiangjin, intensity.id, '2024-06'))
      .send({ value: 0.47 })
      .expect(200),
  );
  /** Foshan's office records 满意 against indicator 60 (target 满意)… */
  const givenSatisfaction = once(() =>
    t
      .as(tokens['foshan-office'])
      .put(values(foshan, satisfaction.id, '2023'))
      .send({ text: '满意', note: '第三方调查满意度 86%' })
      .expect(200),
  );
  /** …and judges it met. */
  const givenSatisfactionJudged = once(async () => {
    const recorded = await givenSatisfaction();
    return t
      .as(tokens['foshan-office'])
      .post(values(foshan, satisfaction.id, '2023/judgement'))
      .send({ judgement: 'met', version: recorded.body.version })
      .expect(200);
  });

  it('uses the seed indicators the checks below rely on', () => {
    expect(intensity).toMatchObject({ name: '工业固体废物产生强度', direction: 'lower', targets: [{ year: 2025, text: '≤0.48吨/万元', value: 0.48 }] });
    expect(intensity.leadUnits.map((u) => u.name)).toEqual(['区生态环境局']);
    expect(satisfaction).toMatchObject({ direction: 'qualitative', targets: [{ year: 2023, text: '满意', value: null }] });
  });

  describe('recording against a lower-is-better target', () => {
    let version: number;

    it('the office records a 2023 value under the 2025 target: met', async () => {
      const res = await givenMet2023();
      expect(res.body).toMatchObject({ period: '2023', value: 0.45, text: null, note: '区统计局年报', unitId: null, judgement: null, version: 1 });
      expect(res.body.attainment).toMatchObject({ targetYear: 2025, target: { text: '≤0.48吨/万元', value: 0.48 }, status: 'met', by: 'rule' });
      version = res.body.version;
    });

    it('replacing with 0.52 and the version read keeps one row per period: not met', async () => {
      version = (await givenMet2023()).body.version;
      const res = await givenNotMet2023();
      expect(res.body).toMatchObject({ value: 0.52, version: version + 1 });
      expect(res.body.attainment).toMatchObject({ status: 'not_met', by: 'rule', targetYear: 2025 });
      const list = await t.as(tokens['jiangjin-office']).get(values(jiangjin, intensity.id)).expect(200);
      expect(list.body.filter((v: { period: string }) => v.period === '2023')).toHaveLength(1);
      version = res.body.version;
    });

    it('a stale version is 409 with the current row', async () => {
      version = (await givenNotMet2023()).body.version;
      const res = await t
        .as(tokens['jiangjin-office'])
        .put(values(jiangjin, intensity.id, '2023'))
        .send({ value: 0.4, version: version - 1 })
        .expect(409);
      expect(res.body).toMatchObject({ code: 'CONFLICT', currentVersion: version });
      expect(res.body.current).toMatchObject({ period: '2023', value: 0.52, version, attainment: { status: 'not_met' } });
      expect(res.body.errors[0]).toMatchObject({ field: 'version', value: version - 1 });
    });

    it('replacing without a version is 409 with the current row too', async () => {
      version = (await givenNotMet2023()).body.version;
      const res = await t
        .as(tokens['jiangjin-office'])
        .put(values(jiangjin, intensity.id, '2023'))
        .send({ value: 0.4 })
        .expect(409);
      expect(res.body).toMatchObject({ code: 'CONFLICT', currentVersion: version, current: { value: 0.52 } });
      expect(res.body.errors[0]).toMatchObject({ field: 'version' });
    });

    it('the lead unit records a value under its own unit', async () => {
      const res = await givenUnitValue();
      expect(res.body).toMatchObject({ period: '2024-06', unitId: intensity.leadUnits[0].id, attainment: { status: 'met', targetYear: 2025 } });
    });

    it('a unit that neither leads nor supports the indicator is refused', async () => {
      const res = await t
        .as(tokens['jiangjin-fgw'])
        .put(values(jiangjin, intensity.id, '2024'))
        .send({ value: 0.4 })
        .expect(403);
      expect(res.body.message).toContain('指标1');
    });

    it('the leader reads the values with their attainment but cannot record', async () => {
      await givenNotMet2023();
      await givenUnitValue();
      const res = await t.as(tokens['jiangjin-leader']).get(values(jiangjin, intensity.id)).expect(200);
      expect(res.body.map((v: { period: string; attainment: { status: string } }) => [v.period, v.attainment.status])).toEqual([
        ['2023', 'not_met'],
        ['2024-06', 'met'],
      ]);
      await t
        .as(tokens['jiangjin-leader'])
        .put(values(jiangjin, intensity.id, '2025'))
        .send({ value: 0.4 })
        .expect(403);
    });

    it('values are not public and not for other plans', async () => {
      await t.anon().get(values(jiangjin, intensity.id)).expect(401);
      await t.as(tokens['foshan-office']).get(values(jiangjin, intensity.id)).expect(403);
      const elsewhere = await t.http().get(values(foshan, intensity.id)).expect(404);
      expect(elsewhere.body.code).toBe('NOT_FOUND');
    });
  });

  describe('bad input', () => {
    it('refuses an invalid period, naming the field', async () => {
      const res = await t
        .as(tokens['jiangjin-office'])
        .put(values(jiangjin, intensity.id, '2023-13'))
        .send({ value: 0.4 })
        .expect(400);
      expect(res.body.errors[0]).toMatchObject({ field: 'period', value: '2023-13' });
      expect(res.body.message).toContain('2023-13');
      const early = await t
        .as(tokens['jiangjin-office'])
        .put(values(jiangjin, intensity.id, '1900'))
        .send({ value: 0.4 })
        .expect(400);
      expect(early.body.errors[0]).toMatchObject({ field: 'period', value: '1900' });
    });

    it('needs a value or a text, and refuses unknown fields and non-numbers', async () => {
      const empty = await t
        .as(tokens['jiangjin-office'])
        .put(values(jiangjin, intensity.id, '2022'))
        .send({ note: '只有备注' })
        .expect(400);
      expect(empty.body.errors[0]).toMatchObject({ field: 'value' });
      const unknown = await t
        .as(tokens['jiangjin-office'])
        .put(values(jiangjin, intensity.id, '2022'))
        .send({ value: 1, colour: 'red' })
        .expect(400);
      expect(unknown.body.errors[0]).toMatchObject({ field: 'colour' });
      const word = await t
        .as(tokens['jiangjin-office'])
        .put(values(jiangjin, intensity.id, '2022'))
        .send({ value: '0.4' })
        .expect(400);
      expect(word.body.errors[0]).toMatchObject({ field: 'value' });
    });
  });

  describe('a text target judged by the office', () => {
    it('a text value against a text target needs the office, who judges it', async () => {
      const office = t.as(tokens['foshan-office']);
      const recorded = await givenSatisfaction();
      expect(recorded.body.attainment).toMatchObject({ targetYear: 2023, target: { text: '满意', value: null }, status: 'needs_judgement', by: 'rule' });

      await t
        .as(tokens['foshan-gxj'])
        .post(values(foshan, satisfaction.id, '2023/judgement'))
        .send({ judgement: 'met', version: recorded.body.version })
        .expect(403);
      const judged = await givenSatisfactionJudged();
      expect(judged.body).toMatchObject({ judgement: 'met', judgedById: expect.any(Number), attainment: { status: 'met', by: 'office', targetYear: 2023 } });

      const stale = await office
        .post(values(foshan, satisfaction.id, '2023/judgement'))
        .send({ judgement: 'not_met', version: recorded.body.version })
        .expect(409);
      expect(stale.body.current).toMatchObject({ judgement: 'met' });
    });

    it('a new value clears the verdict it no longer fits', async () => {
      await givenSatisfactionJudged();
      const office = t.as(tokens['foshan-office']);
      const [current] = (await office.get(values(foshan, satisfaction.id)).expect(200)).body;
      const sameText = await office
        .put(values(foshan, satisfaction.id, '2023'))
        .send({ text: '满意', note: '补充说明', version: current.version })
        .expect(200);
      expect(sameText.body).toMatchObject({ judgement: 'met', attainment: { by: 'office' } });
      const changed = await office
        .put(values(foshan, satisfaction.id, '2023'))
        .send({ text: '基本满意', version: sameText.body.version })
        .expect(200);
      expect(changed.body).toMatchObject({ judgement: null, judgedById: null, attainment: { status: 'needs_judgement', by: 'rule' } });
    });

    it('the office may overrule the rule on a numeric target', async () => {
      await givenNotMet2023();
      const office = t.as(tokens['jiangjin-office']);
      const [row] = (await office.get(values(jiangjin, intensity.id)).expect(200)).body;
      expect(row.attainment.status).toBe('not_met');
      const res = await office
        .post(values(jiangjin, intensity.id, '2023/judgement'))
        .send({ judgement: 'met', version: row.version })
        .expect(200);
      expect(res.body.attainment).toMatchObject({ status: 'met', by: 'office' });
      const withdrawn = await office
        .post(values(jiangjin, intensity.id, '2023/judgement'))
        .send({ judgement: null, version: res.body.version })
        .expect(200);
      expect(withdrawn.body.attainment).toMatchObject({ status: 'not_met', by: 'rule' });
    });

    it('judging a period with no value is 404', async () => {
      await t
        .as(tokens['jiangjin-office'])
        .post(values(jiangjin, intensity.id, '2021/judgement'))
        .send({ judgement: 'met', version: 1 })
        .expect(404);
    });
  });

  describe('deleting', () => {
    it('only the office deletes a period', async () => {
      await givenNotMet2023();
      await givenUnitValue();
      await t
        .as(tokens['jiangjin-sthj'])
        .delete(values(jiangjin, intensity.id, '2024-06'))
        .expect(403);
      await t
        .as(tokens['jiangjin-office'])
        .delete(values(jiangjin, intensity.id, '2024-06'))
        .expect(204);
      const list = await t.as(tokens['jiangjin-office']).get(values(jiangjin, intensity.id)).expect(200);
      expect(list.body.map((v: { period: string }) => v.period)).toEqual(['2023']);
      await t
        .as(tokens['jiangjin-office'])
        .delete(values(jiangjin, intensity.id, '2024-06'))
        .expect(404);
    });
  });
});
