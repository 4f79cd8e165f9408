// The operations the crash harness interrupts, run through the API dispatcher exactly as
// the app runs them. The child process runs one with markers on stdout (so the parent
// can aim its SIGKILL at a stage); the parent runs the same operation on a copy of the
// library to know what "all of it" looks like.
import { dispatch } from '../../../src/main/api/dispatch';
import { handlers } from '../../../src/main/api/handlers';
import { LibraryHost } from '../../../src/main/api/host';
import { registerBuiltInFormats } from '../../../src/main/core/formats/all';
import { Library } from '../../../src/main/core/library/library';
import { BindingWriter } from '../../../src/main/core/service/bindings';
import type { ArgsOf, MethodName } from '../../../src/shared/contract';

export type CrashOp =
  | { kind: 'import'; text: string; name: string; exclude: number[]; collectionId?: number }
  | { kind: 'tag'; itemIds: number[]; names: string[] }
  | { kind: 'untag'; itemIds: number[]; names: string[] }
  | { kind: 'collect'; collectionId: number; itemIds: number[] }
  | { kind: 'trash'; itemIds: number[] }
  | { kind: 'restore-items'; itemIds: number[] }
  | { kind: 'merge'; keepId: number; otherIds: number[] }
  | { kind: 'edit'; id: number; title: string }
  | { kind: 'note'; itemId: number; body: string }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'empty-trash' }
  | { kind: 'export'; format: string; extension: string }
  | { kind: 'backup' }
  | { kind: 'restore'; backup: string };

export type OpKind = CrashOp['kind'];

/** Stages an operation announces; the parent aims kills after one of them. */
export type Stage = 'start' | 'progress' | 'file' | 'bindings';

export interface OpHooks {
  mark(stage: Stage): void;
  /** Keep the bound .bib files current after a change, as the app's background sync does. */
  writeBindings: boolean;
}

export interface CrashHostOptions {
  /** The library clock: the child and the parent's reference run use the same instant. */
  now: number;
  /** Where export.save writes (the child: the real target; the parent: a scratch copy). */
  exportPath(extension: string): string;
  mark(stage: Stage): void;
}

/** A library behind an API host, as the app has it, with a save "dialog" that answers at once. */
export function openCrashHost(file: string, options: CrashHostOptions): LibraryHost {
  registerBuiltInFormats();
  const libraryOptions = { now: () => options.now };
  const host = new LibraryHost(
    Library.open(file, libraryOptions),
    {
      chooseSavePath: async (_name, extension) => {
        options.mark('file');
        return options.exportPath(extension);
      },
    },
    libraryOptions,
  );
  host.onEvent((event) => {
    if (event === 'import.progress') options.mark('progress');
  });
  return host;
}

export interface OpOutcome {
  ok: boolean;
  code?: string;
  message?: string;
}

/** Runs `op`; a refusal by the API (a SheafError) is an outcome, not an exception. */
export async function runOp(host: LibraryHost, op: CrashOp, hooks: OpHooks): Promise<OpOutcome> {
  const call = async <M extends MethodName>(method: M, args: ArgsOf<M>) => {
    const result = await dispatch(handlers, host, method, args);
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
    return result.value;
  };
  hooks.mark('start');
  try {
    const changed = await perform(call, op);
    if (changed && hooks.writeBindings) {
      hooks.mark('bindings');
      new BindingWriter().writeAll(host.library, (_, error) => {
        throw error;
      });
    }
    return { ok: true };
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    return { ok: false, code: code ?? 'thrown', message: message ?? String(error) };
  }
}

type Call = <M extends MethodName>(method: M, args: ArgsOf<M>) => Promise<unknown>;

/** Performs the operation; true when it may have changed the library. */
async function perform(call: Call, op: CrashOp): Promise<boolean> {
  switch (op.kind) {
    case 'import': {
      const preview = (await call('import.preview', { input: { text: op.text, name: op.name } })) as {
        id: string;
      };
      // Progress events arrive through the host; the driver marks them (see crash-driver.ts).
      await call('import.commit', {
        previewId: preview.id,
        exclude: op.exclude,
        ...(op.collectionId !== undefined ? { collectionId: op.collectionId } : {}),
      });
      return true;
    }
    case 'tag':
      await call('tags.add', { itemIds: op.itemIds, names: op.names });
      return true;
    case 'untag':
      await call('tags.remove', { itemIds: op.itemIds, names: op.names });
      return true;
    case 'collect':
      await call('collections.addItems', { id: op.collectionId, itemIds: op.itemIds });
      return true;
    case 'trash':
      await call('items.trash', { ids: op.itemIds });
      return true;
    case 'restore-items':
      await call('items.restore', { ids: op.itemIds });
      return true;
    case 'merge':
      await call('duplicates.merge', { keepId: op.keepId, otherIds: op.otherIds });
      return true;
    case 'edit':
      await call('items.update', { id: op.id, patch: { title: op.title } });
      return true;
    case 'note':
      await call('notes.create', { itemId: op.itemId, body: op.body });
      return true;
    case 'undo':
      await call('history.undo', {});
      return true;
    case 'redo':
      await call('history.redo', {});
      return true;
    case 'empty-trash':
      await call('trash.empty', {});
      return true;
    case 'export':
      await call('export.save', { scope: { kind: 'library' }, format: op.format });
      return false;
    case 'backup':
      await call('backups.create', {});
      return false;
    case 'restore':
      await call('backups.restore', { file: op.backup });
      return true;
  }
}
