import { SetMetadata } from '@nestjs/common';
import type { JobName } from '#queue';

export const JOB_HANDLER_METADATA = 'alur:job-handler';

/**
 * Marks a provider method as the handler of one job (immich-style): `handle(data, context)`. The
 * runner finds every handler at boot, and the worker does not start when a job has none or two.
 */
export const OnJob = (name: JobName): MethodDecorator => SetMetadata(JOB_HANDLER_METADATA, name);
