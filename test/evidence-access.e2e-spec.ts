import { planId, startTestApp, type TestApp } from './helpers/test-app.js';

/*
 * An evidence file (佐证材料) is read only under the report it belongs to, in the plan that report belongs to. A
 * download path that names a report the caller may read but a file of another report (of the same unit, another
 * unit or another plan) is refused with 404 and nothing of the file: not its bytes, not its name.
 */

interface TaskRow {
  id: number;
  seq: number;
  leadUnits: { name: string }[];
}
interface Report {
  id: number;
  evidence: { id: number; fileName: string }[];
}

const pdf = (marker: string) => Buffer.from(`%PDF-1.4\n% ${marker}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);
const FILE_A = { bytes: pdf('A-secret'), name: '甲单位绿色工厂认定文件.pdf' };
const FILE_B = { bytes: pdf('B'), name: '甲单位第二份材料.pdf' };
const FILE_C = { bytes: pdf('C'), name: '乙单位材料.pdf' };
const FILE_F = { bytes: pdf('F'), name: '佛山材料.pdf' };

describe('evidence is downloaded only under its own report and plan', () => {
  let t: TestApp;
  let jiangjin: number;
  let foshan: number;
  let jxw: string; // 区经济信息委 (unit A)
  let sthj: string; // 区生态环境局 (another unit of the same plan)
  let gxj: string; // 佛山 市工业和信息化局 (a unit of another plan)
  let office: string; // 江津 无废办
  /** A: jxw's draft with file A; B: jxw's submitted report with file B; C: sthj's draft; F: the Foshan unit's draft. */
  const r = { A: 0, B: 0, C: 0, F: 0 };
  const f = { A: 0, B: 0, C: 0, F: 0 };

  const url = (plan: number, report: number, file: number) => `/api/v1/plans/${plan}/progress/${report}/evidence/${file}`;

  async function ledTasks(plan: number, unit: string): Promise<TaskRow[]> {
    const tasks = (await t.http().get(`/api/v1/plans/${plan}/tasks?limit=100`).expect(200)).body.items as TaskRow[];
    return tasks.filter((task) => task.leadUnits.some((u) => u.name === unit));
  }

  async function reportWithFile(token: string, plan: number, taskId: number, file: { bytes: Buffer; name: string }): Promise<[number, number]> {
    const created = await t
      .as(token)
      .post(`/api/v1/plans/${plan}/progress`)
      .send({ itemType: 'task', itemId: taskId, state: 'in_progress', narrative: '已完成阶段性工作，材料见附件。' })
      .expect(201);
    const report = (await t.as(token).post(`/api/v1/plans/${plan}/progress/${created.body.id}/evidence`).attach('file', file.bytes, file.name).expect(201))
      .body as Report;
    return [report.id, report.evidence[0].id];
  }

  /** Refused: 404 (or 403) with the Chinese message, and nothing of file A (bytes, name) in the answer. */
  async function refused(token: string, path: string, message: string, status = 404) {
    const res = await t.as(token).get(path).buffer(true);
    expect(res.status).toBe(status);
    expect(res.headers['content-disposition']).toBeUndefined();
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const text = Buffer.isBuffer(res.body) ? res.body.toString('utf8') : res.text;
    expect(text).not.toContain('A-secret');
    expect(text).not.toContain('%PDF');
    expect(text).not.toContain(FILE_A.name);
    expect(JSON.parse(text)).toMatchObject({ statusCode: status, code: status === 404 ? 'NOT_FOUND' : 'FORBIDDEN', message });
  }

  beforeAll(async () => {
    t = await startTestApp({ SESSION_HOURS: '100000' });
    [jiangjin, foshan] = await Promise.all([planId(t, 'jiangjin'), planId(t, 'foshan')]);
    t.clock.set('2023-11-20T10:00:00+08:00');
    [jxw, sthj, gxj, office] = await Promise.all(['jiangjin-jxw', 'jiangjin-sthj', 'foshan-gxj', 'jiangjin-office'].map((u) => t.login(u)));
    const jxwTasks = await ledTasks(jiangjin, '区经济信息委');
    const sthjTasks = await ledTasks(jiangjin, '区生态环境局');
    const gxjTasks = await ledTasks(foshan, '市工业和信息化局');
    [r.A, f.A] = await reportWithFile(jxw, jiangjin, jxwTasks[0].id, FILE_A);
    [r.B, f.B] = await reportWithFile(jxw, jiangjin, jxwTasks[1].id, FILE_B);
    await t.as(jxw).post(`/api/v1/plans/${jiangjin}/progress/${r.B}/submit`).expect(200);
    [r.C, f.C] = await reportWithFile(sthj, jiangjin, sthjTasks[0].id, FILE_C);
    [r.F, f.F] = await reportWithFile(gxj, foshan, gxjTasks[0].id, FILE_F);
    // Seeding four plans and signing in takes seconds on a busy machine.
  }, 120_000);
  afterAll(() => t?.close());

  it('the unit downloads its file under its own report: the bytes, the type and the name as uploaded', async () => {
    const res = await t
      .as(jxw)
      .get(url(jiangjin, r.A, f.A))
      .buffer(true)
      .expect(200);
    expect(Buffer.compare(res.body as Buffer, FILE_A.bytes)).toBe(0);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${encodeURIComponent(FILE_A.name)}`);
  });

  it("the unit's file A asked for under its own other report B is refused: 佐证材料不存在", async () => {
    await refused(jxw, url(jiangjin, r.B, f.A), `佐证材料不存在：${f.A}`);
    // B's own file under B is there: the refusal is about the pairing, not about B.
    const ok = await t
      .as(jxw)
      .get(url(jiangjin, r.B, f.B))
      .buffer(true)
      .expect(200);
    expect(Buffer.compare(ok.body as Buffer, FILE_B.bytes)).toBe(0);
  });

  it("the office, which reads the submitted report B, cannot reach the draft's file A through B", async () => {
    await t
      .as(office)
      .get(url(jiangjin, r.B, f.B))
      .buffer(true)
      .expect(200);
    await refused(office, url(jiangjin, r.B, f.A), `佐证材料不存在：${f.A}`);
    // Nor through A itself: a draft is not the office's to read.
    await refused(office, url(jiangjin, r.A, f.A), `进展填报不存在：${r.A}`);
  });

  it("another unit of the plan cannot reach file A through its own report, nor through A's", async () => {
    await t
      .as(sthj)
      .get(url(jiangjin, r.C, f.C))
      .buffer(true)
      .expect(200);
    await refused(sthj, url(jiangjin, r.C, f.A), `佐证材料不存在：${f.A}`);
    await refused(sthj, url(jiangjin, r.A, f.A), `进展填报不存在：${r.A}`);
  });

  it('a unit of another plan cannot reach file A through its own report, nor through its own plan', async () => {
    await t
      .as(gxj)
      .get(url(foshan, r.F, f.F))
      .buffer(true)
      .expect(200);
    await refused(gxj, url(foshan, r.F, f.A), `佐证材料不存在：${f.A}`);
    await refused(gxj, url(foshan, r.A, f.A), `进展填报不存在：${r.A}`);
  });

  it("the unit itself cannot take its file A out under another plan's path: that plan is not its to open (403)", async () => {
    await refused(jxw, url(foshan, r.A, f.A), '无权访问该方案', 403);
    await refused(jxw, url(foshan, r.F, f.A), '无权访问该方案', 403);
  });

  it('a file id that does not exist is refused the same way as one of another report', async () => {
    const missing = Math.max(f.A, f.B, f.C, f.F) + 1000;
    const res = await t
      .as(jxw)
      .get(url(jiangjin, r.A, missing))
      .expect(404);
    expect(res.body).toMatchObject({ code: 'NOT_FOUND', message: `佐证材料不存在：${missing}` });
  });
});
