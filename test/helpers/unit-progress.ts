import type { TestApp } from './test-app.js';

/**
 * The Jiangjin economy bureau (demo user jiangjin-jxw) reports 40% progress on the first milestone of its own overdue
 * report of `asOf` (today when not given), submitted: a change every progress and overdue report shows.
 */
export async function unitReportsOverdueProgress(t: TestApp, planId: number, asOf?: string): Promise<void> {
  const unit = await t.login('jiangjin-jxw');
  const overdue = await t
    .as(unit)
    .get(`/api/v1/plans/${planId}/reports/overdue${asOf ? `?asOf=${asOf}` : ''}`)
    .expect(200);
  const [row] = JSON.parse(overdue.text).rows as { itemType: string; itemId: number; milestoneId: number }[];
  await t
    .as(unit)
    .post(`/api/v1/plans/${planId}/progress`)
    .send({ itemType: row.itemType, itemId: row.itemId, milestoneId: row.milestoneId, state: 'in_progress', percent: 40, narrative: '正在推进', submit: true })
    .expect(201);
}
