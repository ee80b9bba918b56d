// Jest for mutation testing (npm run test:mutation): the rule modules' unit specs only, transpiled without type
// checks so each mutant runs in seconds. Stryker runs this with --experimental-vm-modules (stryker.config.mjs).
const tsJest = ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json', diagnostics: false }];
export default {
  rootDir: 'src',
  testRegex: '.*\\.spec\\.ts$',
  // Specs that open a database or the SMTP stack take seconds each; the pure rules' specs decide the score.
  testPathIgnorePatterns: [
    '/node_modules/',
    'reminder-sweep\\.spec\\.ts$',
    'schema\\.spec\\.ts$',
    'serial-transactions\\.spec\\.ts$',
    'mail-transport\\.spec\\.ts$',
    'list-registry\\.spec\\.ts$',
    'folder-imports\\.spec\\.ts$',
  ],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': tsJest },
  testEnvironment: 'node',
};
