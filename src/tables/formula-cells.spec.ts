import { neutralise, restoreNeutralised } from './formula-cells.js';

describe('formula cells', () => {
  it.each([
    ['=SUM(1)', "'=SUM(1)"],
    ['+1', "'+1"],
    ['@x', "'@x"],
    ['-x', "'-x"],
    ['\t=1', "'\t=1"],
    ['\r\n=1', "'\r\n=1"],
    ["'=1", "''=1"],
    ["''+1", "'''+1"],
    ['-12.5', '-12.5'],
    ["'plain", "'plain"],
    ['建立台账', '建立台账'],
  ])('writes %j as %j and reads it back as written', (text, written) => {
    expect(neutralise(text)).toBe(written);
    expect(restoreNeutralised(written)).toBe(text);
  });
});
