// The plan's units for the office's selects: id and name, in the order the API gives them.
import { api, expectJson } from '../api/client.js';
import type { UnitRef } from '../api/models.js';

export async function loadPlanUnits(planId: number): Promise<UnitRef[]> {
  const answer = await expectJson<{ items: UnitRef[] }>(api.GET('/api/v1/plans/{planId}/units', { params: { path: { planId } } } as never));
  return answer.items.map((u) => ({ id: u.id, name: u.name }));
}
