import { SetMetadata } from '@nestjs/common';

export const ALLOWED_BEFORE_PASSWORD_CHANGE = 'alur:allowedBeforePasswordChange';

/** Marks the one route a token of someone who must change their password may call. */
export const AllowedBeforePasswordChange = () => SetMetadata(ALLOWED_BEFORE_PASSWORD_CHANGE, true);
