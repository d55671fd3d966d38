import type { CommandFn } from './types';

/** A command whose code is fetched the first time it runs (a separate chunk in the browser). */
export function lazyCommand<C>(load: () => Promise<CommandFn<C>>): CommandFn<C> {
  let loaded: Promise<CommandFn<C>> | undefined;
  return async (args) => (await (loaded ??= load()))(args);
}
