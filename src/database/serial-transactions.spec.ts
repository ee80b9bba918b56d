import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { Plan } from '../plans/plan.entity.js';
import { openDatabase } from './data-source.js';

const plan = (name: string) => ({
  name,
  region: '测试区',
  periodStart: '2021-01-01',
  periodEnd: '2025-12-31',
  baseYear: null,
  timeZone: 'Asia/Shanghai',
  source: null,
  key: null,
});

describe('transactions on the one SQLite connection', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qingdan-tx-'));
  let db: DataSource;
  beforeAll(async () => {
    db = await openDatabase({ type: 'sqlite', path: join(dir, 'tx.sqlite') });
  });
  afterAll(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it("a save made while another request's transaction is open survives that transaction's rollback", async () => {
    let letFirstFinish!: () => void;
    const firstMayFinish = new Promise<void>((resolve) => (letFirstFinish = resolve));
    const first = db.transaction(async (manager) => {
      await manager.save(Plan, plan('回滚的方案'));
      await firstMayFinish;
      throw new Error('first request fails');
    });
    const second = db.getRepository(Plan).save(plan('保留的方案'));
    letFirstFinish();
    await expect(first).rejects.toThrow('first request fails');
    await second;
    const names = (await db.getRepository(Plan).find()).map((p) => p.name);
    expect(names).toEqual(['保留的方案']);
  });

  it('two transactions take turns: the second sees what the first committed', async () => {
    const order: string[] = [];
    const a = db.transaction(async (manager) => {
      order.push('a start');
      await new Promise((resolve) => setTimeout(resolve, 20));
      await manager.save(Plan, plan('甲'));
      order.push('a end');
    });
    const b = db.transaction(async (manager) => {
      order.push('b start');
      order.push(`b sees 甲: ${(await manager.countBy(Plan, { name: '甲' })) === 1}`);
    });
    await Promise.all([a, b]);
    expect(order).toEqual(['a start', 'a end', 'b start', 'b sees 甲: true']);
  });
});
