// Mutation testing of the rule modules: `npm run test:mutation` (not part of `npm test`: it takes long; see README).
// Each mutant runs the unit specs that import the mutated file (jest.mutation.config.js). A mutant judged equivalent
// is marked in the source with `// Stryker disable next-line <mutator>: <why>`; scripts/mutation-summary.mjs lists them.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  jest: { projectType: 'custom', configFile: 'jest.mutation.config.js', enableFindRelatedTests: true },
  testRunnerNodeArgs: ['--experimental-vm-modules'],
  coverageAnalysis: 'perTest',
  mutate: [
    'src/status/status.ts',
    'src/status/derive-statuses.ts',
    'src/deadlines/deadline-parser.ts',
    'src/reminders/reminder-rules.ts',
    'src/reminders/reminder-planner.ts',
    'src/reminders/digest-planner.ts',
    'src/lists/item-read-model.ts',
    'src/reports/plan-view.ts',
    'src/reports/progress-report.ts',
    'src/reports/overdue-report.ts',
    'src/reports/unit-report.ts',
    'src/reports/assessment.ts',
    'src/reports/report-sheets.ts',
    'src/auth/login-limiter.ts',
    'src/tables/table-file.ts',
    'src/tables/table-reader.ts',
  ],
  ignorePatterns: ['dist', 'dist-web', 'dist-bench', 'test-artifacts', 'web', 'bench', 'data', 'coverage', 'docs', 'test'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { reportMutants: false },
  concurrency: 2,
  timeoutMS: 10000,
  tempDirName: '.stryker-tmp',
  thresholds: { high: 90, low: 80, break: null },
};
