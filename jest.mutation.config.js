// Jest for mutation testing (npm run test:mutation): the rule modules' unit specs only, transpiled without type
// checks so each mutant runs in seconds. Stryker runs this with --experimental-vm-modules (stryker.config.mjs).
const tsJest = ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json', diagnostics: false }];
export default {
  rootDir: 'src',
  testRegex: '.*\\.spec\\.ts$',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': tsJest },
  testEnvironment: 'node',
};
