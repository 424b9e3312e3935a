import 'reflect-metadata';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsRFC3339,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { classSchemas, describeValidator } from './json-schema';

function IsWeekday(): PropertyDecorator {
  return ValidateBy({ name: 'isTestWeekday', validator: { validate: (v: unknown) => typeof v === 'string' && /^(mon|tue)$/.test(v) } });
}
describeValidator('isTestWeekday', { type: 'string', enum: ['mon', 'tue'] });

class Line {
  @IsString() @Length(1, 20) label: string;
}

class Order {
  @ApiProperty({ description: 'Whose order', example: '6f1c…' }) @IsUUID() id: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @IsIn(['a', 'b'], { each: true }) @IsArray() @ArrayMaxSize(3) kinds: string[];
  @IsRFC3339() at: string;
  @IsWeekday() day: string;
  @Matches(/^\d{4}$/) code: string;
  @ValidateNested({ each: true }) @Type(() => Line) lines: Line[];
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsString() note?: string | null;
}

describe('classSchemas: JSON Schema from class-validator constraints', () => {
  it('derives types, formats, bounds, enums, patterns, nesting and required fields; refuses unknown fields', () => {
    const schemas = classSchemas([Order], '#/components/schemas/');
    expect(Object.keys(schemas).sort()).toEqual(['Line', 'Order']);
    expect(schemas.Order).toEqual({
      type: 'object',
      properties: {
        id: { type: 'string', format: 'uuid', description: 'Whose order', example: '6f1c…' },
        limit: { type: 'integer', minimum: 1, maximum: 200 },
        kinds: { type: 'array', maxItems: 3, items: { type: 'string', enum: ['a', 'b'] } },
        at: { type: 'string', format: 'date-time' },
        day: { type: 'string', enum: ['mon', 'tue'] },
        code: { type: 'string', pattern: '^\\d{4}$' },
        lines: { type: 'array', items: { $ref: '#/components/schemas/Line' } },
        note: { anyOf: [{ type: 'string' }, { type: 'null' }] },
      },
      required: ['id', 'kinds', 'at', 'day', 'code', 'lines'],
      additionalProperties: false,
    });
    expect(schemas.Line).toEqual({
      type: 'object',
      properties: { label: { type: 'string', minLength: 1, maxLength: 20 } },
      required: ['label'],
      additionalProperties: false,
    });
  });

  it('refuses two different classes of one name in one set', () => {
    const make = () => {
      class Line {
        @IsString() other: string;
      }
      return Line;
    };
    expect(() => classSchemas([Order, make()], '#/')).toThrow(/Two request classes are named Line/);
  });
});
