// The handler table: exactly one handler per contract method (checked by the compiler
// here and by a test at run time).
import type { MethodName } from '../../../shared/contract';
import { itemHandlers } from './items';
import { libraryHandlers } from './library';
import { organisingHandlers } from './organising';
import { transferHandlers } from './transfer';
import type { Handler } from './types';

export type HandlerTable = { [M in MethodName]: Handler<M> };

export const handlers: HandlerTable = {
  ...itemHandlers,
  ...organisingHandlers,
  ...libraryHandlers,
  ...transferHandlers,
};
