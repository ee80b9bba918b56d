import { lightColour, lightShares, lightTagType, listLight, STATUS_NAMES } from './status.js';

describe('traffic lights', () => {
  it('colours each light', () => {
    expect(lightColour('red')).toBe('#e5484d');
    expect(lightTagType('yellow')).toBe('warning');
    expect(STATUS_NAMES.closed).toBe('已销号');
  });
  it('lights a list by its worst item', () => {
    expect(listLight({ red: 1, yellow: 5, green: 9, grey: 0 })).toBe('red');
    expect(listLight({ red: 0, yellow: 2, green: 9, grey: 1 })).toBe('yellow');
    expect(listLight({ red: 0, yellow: 0, green: 3, grey: 1 })).toBe('green');
    expect(listLight({ red: 0, yellow: 0, green: 0, grey: 0 })).toBe('grey');
  });
  it('splits a bar by light, leaving out empty lights', () => {
    expect(lightShares({ red: 3, yellow: 0, green: 1, grey: 0 })).toEqual([
      { light: 'red', count: 3, percent: 75 },
      { light: 'green', count: 1, percent: 25 },
    ]);
    expect(lightShares({ red: 0, yellow: 0, green: 0, grey: 0 })).toEqual([]);
  });
});
