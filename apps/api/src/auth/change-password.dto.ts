import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../people/password-rules.js';

export class ChangePasswordDto {
  @ApiProperty({ example: 'k7mq-x3tp-9vbn-w2hd', description: 'the password signed in with (a temporary one after a reset)' })
  @IsString()
  @Length(1, MAX_PASSWORD_LENGTH)
  currentPassword: string;

  @ApiProperty({ example: 'sandi-baru-yang-panjang', minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH })
  @IsString()
  @Length(MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH, { message: `newPassword must have ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters` })
  newPassword: string;
}
