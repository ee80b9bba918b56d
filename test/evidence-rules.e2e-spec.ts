import { startTestApp, type TestApp } from './helpers/test-app.js';

describe('evidence rules for forms to check before upload (GET /evidence/rules)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ EVIDENCE_MAX_BYTES: '1048576' });
  }, 60_000);
  afterAll(() => t.close());

  it('gives a signed-in user the configured EVIDENCE_MAX_BYTES and the kinds the service accepts; nobody else', async () => {
    const unit = await t.login('jiangjin-jxw');
    const rules = (await t.as(unit).get('/api/v1/evidence/rules').expect(200)).body;
    expect(rules).toEqual({ maxBytes: 1048576, extensions: ['.pdf', '.jpg', '.jpeg', '.png', '.docx', '.xlsx', '.pptx', '.doc', '.xls', '.ofd', '.zip'] });
    await t.anon().get('/api/v1/evidence/rules').expect(401);
  });

  it('the limit it gives is the one an upload meets: a file one byte over is refused, one at the limit taken', async () => {
    const unit = await t.login('jiangjin-jxw');
    const plan = (await t.as(unit).get('/api/v1/auth/me').expect(200)).body.planId as number;
    const tasks = (await t.as(unit).get(`/api/v1/plans/${plan}/tasks`).query({ limit: 1000 }).expect(200)).body.items as { id: number; seq: number }[];
    const draft = await t
      .as(unit)
      .post(`/api/v1/plans/${plan}/progress`)
      .send({ itemType: 'task', itemId: tasks.find((x) => x.seq === 11)!.id, state: 'in_progress', percent: 10, narrative: '上限测试' })
      .expect(201);
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(1048576 - 8, 0x20)]);
    await t.as(unit).post(`/api/v1/plans/${plan}/progress/${draft.body.id}/evidence`).attach('file', big, '超限.pdf').expect(413);
    await t.as(unit).post(`/api/v1/plans/${plan}/progress/${draft.body.id}/evidence`).attach('file', big.subarray(0, 1048576), '刚好.pdf').expect(201);
  });
});
