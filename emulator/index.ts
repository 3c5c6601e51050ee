export * from './faults';
export * from './response';
export * from './routes';
export * from './seed';
export * from './server';
export * from './store';
export * from './types';
export * from './validation';
