// Names and colours of statuses and traffic lights (the service's Status and Light values).

export type Light = 'red' | 'yellow' | 'green' | 'grey';
export type Status = 'not_started' | 'in_progress' | 'submitted' | 'closed' | 'suspended';

export const LIGHT_ORDER: readonly Light[] = ['red', 'yellow', 'green', 'grey'];

const LIGHTS: Record<Light, { name: string; colour: string; tag: 'danger' | 'warning' | 'success' | 'info' }> = {
  red: { name: '红灯（逾期）', colour: '#e5484d', tag: 'danger' },
  yellow: { name: '黄灯（临期或滞后）', colour: '#f5a524', tag: 'warning' },
  green: { name: '绿灯（正常）', colour: '#30a46c', tag: 'success' },
  grey: { name: '灰灯（已销号、暂停或无时限）', colour: '#a0a4ab', tag: 'info' },
};

export const STATUS_NAMES: Record<Status, string> = {
  not_started: '未开始',
  in_progress: '推进中',
  submitted: '已报完成',
  closed: '已销号',
  suspended: '已暂停',
};

export function lightName(light: Light): string {
  return LIGHTS[light].name;
}

export function lightColour(light: Light): string {
  return LIGHTS[light].colour;
}

export function lightTagType(light: Light): 'danger' | 'warning' | 'success' | 'info' {
  return LIGHTS[light].tag;
}

/** The light of a whole list: red when anything is overdue, yellow when anything is due soon or behind, else green. */
export function listLight(lights: Record<Light, number>): Light {
  if (lights.red > 0) return 'red';
  if (lights.yellow > 0) return 'yellow';
  if (lights.green > 0) return 'green';
  return 'grey';
}

/** Shares of each light for a stacked bar, in percent of the total (empty when there is nothing). */
export function lightShares(lights: Record<Light, number>): { light: Light; count: number; percent: number }[] {
  const total = LIGHT_ORDER.reduce((sum, l) => sum + lights[l], 0);
  if (total === 0) return [];
  return LIGHT_ORDER.filter((l) => lights[l] > 0).map((light) => ({ light, count: lights[light], percent: (lights[light] / total) * 100 }));
}
