import { mapConcurrently } from './map-concurrently.js';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('mapConcurrently', () => {
  it('keeps the results in the order of the items although later ones finish first', async () => {
    const results = await mapConcurrently([30, 10, 20, 0], 3, async (ms) => {
      await tick(ms);
      return ms * 2;
    });
    expect(results).toEqual([60, 20, 40, 0]);
  });

  it('never has more than `width` runs under way', async () => {
    let running = 0;
    let most = 0;
    await mapConcurrently([...Array(9).keys()], 3, async (i) => {
      running++;
      most = Math.max(most, running);
      await tick(i % 3);
      running--;
    });
    expect(most).toBe(3);
  });

  it('starts nothing after a failure and throws the first error once the others settle', async () => {
    const started: number[] = [];
    let settled = 0;
    const run = mapConcurrently([0, 1, 2, 3, 4, 5], 2, async (i) => {
      started.push(i);
      await tick(i === 1 ? 1 : 5);
      settled++;
      if (i === 1) throw new Error('item 1 failed');
    });
    await expect(run).rejects.toThrow('item 1 failed');
    expect(started).toEqual([0, 1]);
    expect(settled).toBe(2);
  });

  it('runs one at a time at width 1', async () => {
    const order: string[] = [];
    await mapConcurrently(['a', 'b'], 1, async (x) => {
      order.push(`start ${x}`);
      await tick(1);
      order.push(`end ${x}`);
    });
    expect(order).toEqual(['start a', 'end a', 'start b', 'end b']);
  });
});
