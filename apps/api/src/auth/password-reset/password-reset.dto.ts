import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../people/password-rules.js';

/** POST /api/auth/password-reset/request */
export class RequestPasswordResetDto {
  @ApiProperty({ example: 'kaltim.drafter', description: 'the username or the e-mail address of the account' })
  @IsString()
  @Length(1, 254)
  username: string;
}

/** POST /api/auth/password-reset */
export class CompletePasswordResetDto {
  @ApiProperty({ description: 'the token of the e-mailed link (`?token=`)' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{43}$/, { message: 'token: this link is not valid' })
  token: string;

  @ApiProperty({ example: 'sandi-baru-yang-panjang', minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH })
  @IsString()
  @Length(MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH, { message: `newPassword must have ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters` })
  newPassword: string;
}

/** The answer to every accepted request, whether the account exists or not. */
export const PASSWORD_RESET_REQUESTED = {
  message:
    'Bila akun tersebut terdaftar dan memiliki alamat e-mail, tautan untuk membuat kata sandi baru telah dikirim ke e-mailnya. Tautan berlaku 30 menit dan hanya dapat dipakai sekali.',
} as const;
