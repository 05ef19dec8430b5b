const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
}

/**
 * Two projects: `unit` (test/unit: pure functions and dialogs with in-memory parts, no database, no servers)
 * and `integration` (everything else, on one real embedded FerretDB that only this project starts).
 * `npm test` runs both; `npm run test:unit` is the fast loop.
 * @type {import('jest').Config}
 */
module.exports = {
  // Global options: jest reads these once for every project (a testTimeout inside a project is ignored).
  maxWorkers: 2,
  // Jest keeps each finished test file's modules alive in its worker; late in a full run, with the safety rules'
  // patterns compiled to machine code once per file, a worker died of "heap out of memory" at about 1.2 GB.
  // A worker past this after a file is replaced by a fresh one.
  workerIdleMemoryLimit: '800MB',
  testTimeout: 60000,
  testSequencer: '<rootDir>/test/sequencer.js',
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/unit/'],
      globalSetup: '<rootDir>/test/globalSetup.ts',
      globalTeardown: '<rootDir>/test/globalTeardown.ts',
    },
  ],
}
