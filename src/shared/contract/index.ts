export * from './api';
export * from './events';
export * from './methods';
export * from './names';
