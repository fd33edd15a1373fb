import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { InvalidConfigurationError, loadAppConfig } from '#config';
import { buildDataSourceOptions, hashPassword, runMigrationsLocked } from '#persistence';
import { generateTemporaryPassword } from '../people/temporary-password.js';
import { BOOTSTRAP_USAGE, BootstrapArgumentError, parseBootstrapArguments, type BootstrapInput } from './bootstrap-arguments.js';
import { AlreadyBootstrappedError, bootstrapProvince } from './bootstrap-province.js';

/**
 * `npm run bootstrap -- --province kaltim --name "..." --time-zone Asia/Makassar --admin kaltim.admin`
 * (or `docker compose run --rm api npm run bootstrap -- ...`): the first province and its ADMIN on an
 * empty database. Exit codes: 0 done, 1 failure, 2 bad arguments, 3 already bootstrapped.
 */
async function main(argv: readonly string[]): Promise<number> {
  let input: BootstrapInput;
  try {
    input = parseBootstrapArguments(argv);
  } catch (error) {
    if (!(error instanceof BootstrapArgumentError)) throw error;
    process.stderr.write(`alur-bootstrap: ${error.message}\n\n${BOOTSTRAP_USAGE}\n`);
    return 2;
  }
  const config = loadAppConfig();
  const dataSource = await new DataSource(buildDataSourceOptions({ url: config.databaseUrl, poolSize: 2, applicationName: 'alur-bootstrap' })).initialize();
  try {
    await runMigrationsLocked(dataSource);
    const password = generateTemporaryPassword();
    await bootstrapProvince(dataSource, input, await hashPassword(password));
    process.stdout.write(
      [
        `Provinsi ${input.province.code} (${input.province.name}, ${input.province.timeZone}) dibuat, dengan unit ${input.unit.code}.`,
        `ADMIN: ${input.admin.username}`,
        `Kata sandi sementara (hanya ditampilkan sekali): ${password}`,
        'Masuk dengan kata sandi ini lalu ganti segera (POST /api/me/password); permintaan lain ditolak sampai diganti.',
        '',
      ].join('\n'),
    );
    return 0;
  } catch (error) {
    if (error instanceof AlreadyBootstrappedError) {
      process.stderr.write(`alur-bootstrap: ${error.message}\n`);
      return 3;
    }
    throw error;
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof InvalidConfigurationError ? error.message : error instanceof Error ? error.stack : String(error);
    process.stderr.write(`alur-bootstrap: ${message}\n`);
    process.exit(1);
  },
);
