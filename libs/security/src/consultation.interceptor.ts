import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { map, Observable } from 'rxjs';
import { consultationsRecorded } from './access-control';
import { CONSULTS, ResourceType } from './access-policy';

/**
 * For `@Consults` routes: an answer the handler did not record as a consultation never leaves the
 * server (500, and the error is logged), so a forgotten `authorizeRead` is caught on the first call.
 */
@Injectable()
export class ConsultationEnforcer implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const consults = this.reflector.getAllAndOverride<ResourceType[] | undefined>(CONSULTS, [context.getHandler(), context.getClass()]);
    if (!consults || context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<Request>();
    const where = `${context.getClass().name}.${context.getHandler().name}`;
    return next.handle().pipe(
      map((body) => {
        if (consultationsRecorded(req) === 0)
          throw new Error(`${where} consults ${consults.join(', ')} but answered without recording a consultation`);
        return body;
      }),
    );
  }
}
