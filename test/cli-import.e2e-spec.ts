import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestApp, type TestApp } from './helpers/test-app.js';

const api = (path: string) => `/api/v1${path}`;
/** Each CLI run is a new Node process opening the database: seconds each on a busy machine. */
const CLI_TIMEOUT = 60_000;
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * `npm run cli -- import …` against the test app's database: the CLI built as `npm run cli` builds it, run as
 * its own process, and the result read back through the HTTP API.
 */
describe('CLI import', () => {
  let t: TestApp;
  const cli = (args: string[], input = '') => {
    const run = spawnSync('node', [join(ROOT, 'dist/cli/main.js'), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      input,
      env: { ...process.env, DATABASE_URL: t.database.url, SEED: 'false', NODE_OPTIONS: '' },
    });
    return { code: run.status, stdout: run.stdout, stderr: run.stderr };
  };
  const newPlan = async (name: string) =>
    (await t.http().post(api('/plans')).send({ name, region: '测试区', periodStart: '2021-01-01', periodEnd: '2025-12-31' }).expect(201)).body.id as number;
  const file = (name: string, text: string) => {
    const path = join(t.dir, name);
    writeFileSync(path, text);
    return path;
  };

  beforeAll(async () => {
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'ignore' });
    t = await startTestApp({ SEED: 'false' });
  }, 180_000);
  afterAll(() => t.close());

  it(
    'imports every row of a joined CSV (CRLF rows, LF rows appended) and prints rows, counts, skipped rows and notes',
    async () => {
      const id = await newPlan('命令行导入');
      const path = file('joined.csv', '序号,任务内容,责任单位\r\n一、源头减量\r\n1,建立台账,甲局\r\n\r\n2,开展排查,"甲局、乙局"\n3,完善制度,乙局\n');
      const run = cli(['import', '--plan', String(id), '--list', 'tasks', path, '--create-units']);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      // The service's log lines ("[Nest] … Import tasks into plan …") go to stdout too; the report is the rest.
      expect(run.stdout.split('\n').filter((line) => !line.includes('[Nest]'))).toEqual([
        '导入完成：表头以下共 5 行，新增 3，更新 0，未变 0，跳过 2；新建单位：甲局、乙局',
        '  跳过第2行：标题行“一、源头减量”（作为下方各行的章节）',
        '  跳过第4行：空行',
        '  说明：“责任单位”列未区分牵头与配合，全部记为牵头单位',
        '',
      ]);
      const { body } = await t
        .http()
        .get(api(`/plans/${id}/tasks`))
        .expect(200);
      expect(body.items.map((i: { seq: number; chapter: string; leadUnitsText: string }) => [i.seq, i.chapter, i.leadUnitsText])).toEqual([
        [1, '一、源头减量', '甲局'],
        [2, '一、源头减量', '甲局、乙局'],
        [3, '一、源头减量', '乙局'],
      ]);
    },
    CLI_TIMEOUT,
  );

  it(
    'exits 1 naming the row and the extra cells of a row longer than the header, writing nothing',
    async () => {
      const id = await newPlan('命令行多出单元格');
      const path = file('extra.csv', '序号,任务内容,牵头单位\n1,建立台账,甲局\n2,开展排查,甲局,乙局\n');
      const run = cli(['import', '--plan', String(id), '--list', 'tasks', path, '--create-units']);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('第3行有1个单元格超出表头的3列：D列“乙局”');
      const { body } = await t
        .http()
        .get(api(`/plans/${id}/tasks`))
        .expect(200);
      expect(body.total).toBe(0);
    },
    CLI_TIMEOUT,
  );

  it(
    'takes --mapping, remembers it for the next import, and refuses a bad one naming it',
    async () => {
      const id = await newPlan('命令行列对应');
      const path = file('office.csv', '编号,督办事项,责任科室\n1,建立台账,甲局\n');
      const bad = cli(['import', '--plan', String(id), '--list', 'tasks', path, '--mapping', '{"督办事项":"预算"}']);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain('“督办事项”对应的“预算”不是可导入的字段');
      const first = cli([
        'import',
        '--plan',
        String(id),
        '--list',
        'tasks',
        '--mapping',
        '{"督办事项":"content","责任科室":"牵头单位"}',
        path,
        '--create-units',
      ]);
      expect(first.stderr).toBe('');
      expect(first.stdout).toContain('新增 1');
      expect(first.stdout).toContain('说明：列对应关系已保存，本方案以后导入任务清单时自动使用');
      const again = cli(['import', '--plan', String(id), '--list', 'tasks', path]);
      expect(again.code).toBe(0);
      expect(again.stdout).toContain('未变 1');
      const stored = await t
        .http()
        .get(api(`/plans/${id}/import/tasks/mapping`))
        .expect(200);
      expect(stored.body.mapping).toEqual({ 督办事项: 'content', 责任科室: '牵头单位' });
    },
    CLI_TIMEOUT,
  );

  it(
    'an administrator created from the command line is in the audit log, by the system, without the password',
    async () => {
      const run = cli(['create-admin', '--username', 'cli-root'], 'cli-root-password-1\n');
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const { body } = await t.http().get(api('/audit?entityType=users&action=insert&limit=1000')).expect(200);
      const entry = (body.items as { actorName: string; after: Record<string, unknown> | null }[]).find((e) => e.after?.username === 'cli-root');
      expect(entry).toMatchObject({ actorName: 'system', after: { username: 'cli-root', role: 'admin' } });
      expect(entry!.after).not.toHaveProperty('passwordHash');
    },
    CLI_TIMEOUT,
  );
});
