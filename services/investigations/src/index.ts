export * from './investigations.module';
