// lint-as: libs/contracts/src/reports/bad.v1.ts
// expect: @nx/enforce-module-boundaries
import { Injectable } from '@nestjs/common';
import { IsString } from 'class-validator';

@Injectable()
export class BadContract {
  @IsString()
  reportId!: string;
}
