import type { MethodName, ParsedArgsOf, ResultOf } from '../../../shared/contract';
import type { HandlerContext } from '../context';

export type Handler<M extends MethodName> = (
  args: ParsedArgsOf<M>,
  context: HandlerContext,
) => ResultOf<M> | Promise<ResultOf<M>>;

/** Handlers for a subset of the contract; index.ts checks that the subsets cover it once. */
export type Handlers<M extends MethodName> = { [K in M]: Handler<K> };
