export * from './access.ts';
export * from './assist-request.ts';
export * from './audit.ts';
export * from './import-job.ts';
export * from './jurisdiction.ts';
export * from './key-person.ts';
export * from './person.ts';
export * from './testing.ts';
