export * from './person.ts';
export * from './workshop.ts';
export * from './server-process.ts';
