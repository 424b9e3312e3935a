// lint-as: services/reports/src/commands/reports/reports.http.ts
// expect: no-restricted-imports
import { Controller, Get } from '@nestjs/common';

@Controller('reports')
export class ReportsReadInTheWrongPlace {
  @Get()
  list(): string[] {
    return [];
  }
}
