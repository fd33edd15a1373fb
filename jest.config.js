/** @type {import('jest').Config} */
const shared = {
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^#(config|persistence|workflow|queue|logging|metrics|api-client)$': '<rootDir>/libs/$1/src/index.ts',
    '^#testing$': '<rootDir>/test/support/index.ts',
    '^@workflow/(.*)\\.js$': '<rootDir>/libs/workflow/src/$1', // the web app's alias of libs/workflow
    '^@api-client$': '<rootDir>/libs/api-client/src/index.ts', // and of the generated client
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.json' }],
  },
  testEnvironment: 'node',
};

export default {
  testTimeout: 30000, // a global option: Jest ignores it inside a project
  // Two worker processes, even on 2 cores: an e2e file spends much of its time waiting on PostgreSQL,
  // Redis, a spawned API or the browser, and every file has its own database, queue prefix and ports.
  // The whole suite on 2 cores: 778 s with two, 1,024 s with one (2026-12-02, same machine and hour).
  maxWorkers: 2,
  // Each worker is replaced once its heap passes this after a test file. Without it Jest runs the
  // files in its own process on 2 cores, where every file's module graph stays reachable: the heap grew
  // past 4 GB and the last files ran 5-10 times slower (people.e2e 97 s instead of ~10 s).
  workerIdleMemoryLimit: '1GB',
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'] },
    { ...shared, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'], globalSetup: '<rootDir>/test/global-setup.ts', globalTeardown: '<rootDir>/test/global-teardown.ts' },
  ],
};
