import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'kaltim.sekda' })
  @IsString()
  @Length(1, 100)
  username: string;

  @ApiProperty({ example: 'demo12345' })
  @IsString()
  @Length(1, 200)
  password: string;
}
