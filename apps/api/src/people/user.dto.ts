import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, Length, Matches, MaxLength, ValidateIf } from 'class-validator';
import { ALL_ROLES } from '#workflow';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password-rules.js';
import { EMAIL_PATTERN, EMAIL_RULE, NIP_PATTERN, NIP_RULE, UNIT_CODE_PATTERN, USERNAME_PATTERN, USERNAME_RULE } from './person-fields.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const ROLE_RULE = `each role must be one of ${ALL_ROLES.join(', ')}`;

export class CreateUserDto {
  @ApiProperty({ example: 'paser.rina', description: USERNAME_RULE })
  @IsString()
  @Matches(USERNAME_PATTERN, { message: USERNAME_RULE })
  username: string;

  @ApiProperty({ example: 'Rina Wulandari, S.Kom.' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ nullable: true, type: String, example: '199103152015032004', description: NIP_RULE })
  @IsOptional()
  @ValidateIf((o: CreateUserDto) => o.nip !== null)
  @Matches(NIP_PATTERN, { message: NIP_RULE })
  nip?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'rina@paserkab.go.id' })
  @IsOptional()
  @ValidateIf((o: CreateUserDto) => o.email !== null)
  @IsString()
  @MaxLength(254)
  @Matches(EMAIL_PATTERN, { message: EMAIL_RULE })
  email?: string | null;

  @ApiPropertyOptional({ example: 'paser', description: "the government (one the caller administers); the caller's by default" })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  governmentCode?: string;

  @ApiProperty({ example: 'diskominfo' })
  @IsString()
  @Matches(UNIT_CODE_PATTERN, { message: 'unitCode must be a unit code such as diskominfo' })
  unitCode: string;

  @ApiProperty({ example: ['DRAFTER'], isArray: true, enum: ALL_ROLES, description: "domain.md's roles; OPERATOR is never granted here" })
  @IsArray()
  @ArrayMaxSize(9)
  @ArrayUnique({ message: 'roles must not repeat a role' })
  @IsString({ each: true, message: ROLE_RULE })
  roles: string[];

  @ApiPropertyOptional({
    minLength: MIN_PASSWORD_LENGTH,
    description: 'a first password, to be changed at the first sign-in; without one, the person gets one by a password reset',
  })
  @IsOptional()
  @IsString()
  @Length(MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH, { message: `password must have ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters` })
  password?: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional({ example: 'Rina Wulandari, S.Kom., M.T.' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ nullable: true, type: String, example: '199103152015032004' })
  @IsOptional()
  @ValidateIf((o: UpdateUserDto) => o.nip !== null)
  @Matches(NIP_PATTERN, { message: NIP_RULE })
  nip?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @ValidateIf((o: UpdateUserDto) => o.email !== null)
  @IsString()
  @MaxLength(254)
  @Matches(EMAIL_PATTERN, { message: EMAIL_RULE })
  email?: string | null;

  @ApiPropertyOptional({ example: 'bagian-organisasi', description: 'another unit of the same government' })
  @IsOptional()
  @IsString()
  @Matches(UNIT_CODE_PATTERN, { message: 'unitCode must be a unit code such as diskominfo' })
  unitCode?: string;

  @ApiPropertyOptional({ example: ['DRAFTER', 'UNIT_HEAD'], isArray: true, enum: ALL_ROLES, description: 'replaces the roles' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(9)
  @ArrayUnique({ message: 'roles must not repeat a role' })
  @IsString({ each: true, message: ROLE_RULE })
  roles?: string[];

  @ApiPropertyOptional({ description: 'false deactivates: their tokens stop working at once and they receive no more tasks or notifications; their history stays' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class ListUsersQueryDto {
  @ApiPropertyOptional({ example: 'paser', description: 'one government the caller administers (default: all of them)' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  governmentCode?: string;

  @ApiPropertyOptional({ example: 'diskominfo' })
  @IsOptional()
  @Matches(UNIT_CODE_PATTERN, { message: 'unitCode must be a unit code such as diskominfo' })
  unitCode?: string;

  @ApiPropertyOptional({ enum: ALL_ROLES })
  @IsOptional()
  @IsIn(ALL_ROLES, { message: `role must be one of ${ALL_ROLES.join(', ')}` })
  role?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'active must be true or false' })
  active?: 'true' | 'false';

  @ApiPropertyOptional({ example: 'rina', description: 'part of the name, NIP or username, any case' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  search?: string;

  @ApiPropertyOptional({ example: '1' })
  @IsOptional()
  @Matches(/^[1-9]\d{0,5}$/, { message: 'page must be a whole number from 1' })
  page?: string;

  @ApiPropertyOptional({ example: '50' })
  @IsOptional()
  @Matches(/^([1-9]|[1-9]\d|1\d\d|200)$/, { message: 'limit must be a whole number from 1 to 200' })
  limit?: string;
}

/** A person as the administration API shows them. */
export interface UserView {
  username: string;
  name: string;
  nip: string | null;
  email: string | null;
  governmentCode: string;
  unitCode: string;
  roles: string[];
  active: boolean;
  /** false: created without a password; a reset gives them one */
  hasPassword: boolean;
  mustChangePassword: boolean;
  createdAt: Date;
  updatedAt: Date;
}
