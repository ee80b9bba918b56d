// Every setting the service reads (config/default.json and the validator, src/config/app-config.ts) is in the README's
// settings table, in both halves, and the tables name no setting the service does not read; a default written in
// config/default.json or in the validator is the default the tables give.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { readmeHalves, settingsTable } from './readme-markdown.mjs';

const DEFAULTS_FILE = 'config/default.json';
const VALIDATOR = 'src/config/app-config.ts';

/** The settings config/default.json gives, with their values. */
const defaultsFile = JSON.parse(readFileSync(DEFAULTS_FILE, 'utf8'));

/** The settings the validator reads (`get('NAME')`), with the default it falls back to when written as a literal. */
const validator = readFileSync(VALIDATOR, 'utf8');
const validated = new Map([...validator.matchAll(/get\('([A-Z][A-Z0-9_]*)'\)(?:(?:\.trim\(\))?\s*\|\|\s*'([^']*)')?/g)].map((m) => [m[1], m[2]]));

const { chinese, english } = readmeHalves();
const tables = [
  [chinese, '变量'],
  [english, 'setting'],
];

const sorted = (names) => [...new Set(names)].sort();

describe('README: the settings tables', () => {
  it('the validator reads every setting of config/default.json', () => {
    assert.ok(validated.size >= 25, `only ${validated.size} settings found in ${VALIDATOR}`);
    assert.deepEqual(
      Object.keys(defaultsFile).filter((name) => !validated.has(name)),
      [],
    );
  });

  for (const [half, header] of tables) {
    it(`the ${half.name} table lists exactly the settings the service reads`, () => {
      const listed = settingsTable(half, header).flatMap((row) => row.names);
      assert.deepEqual(sorted(listed), sorted([...validated.keys(), ...Object.keys(defaultsFile)]));
      assert.equal(listed.length, new Set(listed).size, 'a setting listed twice');
    });

    it(`the ${half.name} table gives the defaults of ${DEFAULTS_FILE} and of the validator`, () => {
      for (const row of settingsTable(half, header)) {
        for (const name of row.names) {
          const fallback = defaultsFile[name] || validated.get(name);
          if (fallback) assert.ok(row.defaultCell.includes(`\`${fallback}\``), `README.md:${row.line}: ${name}'s default is \`${fallback}\``);
        }
      }
    });
  }
});
