import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { isCleanText } from '../contract/fields.js';
import { validationFailed } from '../errors/app.exception.js';

/**
 * Every path parameter (a code, a username, an id, a kind) is refused with 400 when it holds a
 * character no stored name can: a NUL (`%00`, which PostgreSQL cannot even compare), another control
 * character, a bidirectional override or a lone surrogate. Without it such an address reached the
 * database and failed there (500) instead of being told it names nothing it could.
 */
@Injectable()
export class PathParameterPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'param' || typeof value !== 'string' || isCleanText(value)) return value;
    const name = metadata.data ?? 'path';
    throw validationFailed(`The address's ${name} holds a control or hidden character (such as %00) that no ${name} can contain`, {
      fields: [`${name}: a control or hidden character`],
    });
  }
}
