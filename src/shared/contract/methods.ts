// The API contract: every method the renderer (or the CLI, or a browser-mode page) may
// call, with its argument schema and result type, and every event main may push.
// The preload's surface and the renderer's `window.sheaf` type are derived from here.
import { z } from 'zod';
import type { Collection, Digest, ItemDetail, Note, NoteSummary, Tag } from '../domain';
import type {
  Backup,
  Binding,
  ExportResult,
  FormatInfo,
  HistoryStep,
  ImportPreview,
  ImportReport,
  LibraryInfo,
  Settings,
  TrashContents,
} from '../results';
import type { WindowResult } from '../views';
import * as s from './schemas';

interface MethodSpec<A extends z.ZodType, R> {
  args: A;
  /** Phantom: carries the result type only. */
  result?: R;
}

const method = <A extends z.ZodType>(args: A) => ({
  returns: <R>(): MethodSpec<A, R> => ({ args }),
});

const none = z.strictObject({});
const byId = z.strictObject({ id: s.id });

export const contract = {
  'library.info': method(none).returns<LibraryInfo>(),

  'items.window': method(s.windowRequest).returns<WindowResult>(),
  'items.count': method(z.strictObject({ view: s.viewSpec, search: s.search.optional() })).returns<number>(),
  'items.ids': method(
    z.strictObject({
      view: s.viewSpec,
      search: s.search.optional(),
      sort: s.sortSpec,
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(1_000_000),
    }),
  ).returns<number[]>(),
  'items.get': method(byId).returns<ItemDetail>(),
  'items.create': method(
    z.strictObject({ data: s.itemData, collectionId: s.id.optional() }),
  ).returns<ItemDetail>(),
  'items.update': method(z.strictObject({ id: s.id, patch: s.itemPatch.partial() })).returns<ItemDetail>(),
  'items.trash': method(z.strictObject({ ids: s.ids.min(1) })).returns<{ count: number }>(),
  'items.restore': method(z.strictObject({ ids: s.ids.min(1) })).returns<{ count: number }>(),
  'items.regenerateCitekeys': method(z.strictObject({ ids: s.ids.min(1) })).returns<{ changed: number }>(),
  'items.citekeys': method(z.strictObject({ ids: s.ids.min(1).max(10_000) })).returns<string[]>(),
  'items.completeCitekey': method(
    z.strictObject({ prefix: z.string().max(200), limit: z.number().int().min(1).max(50) }),
  ).returns<{ citekey: string; title: string; id: number }[]>(),

  'collections.list': method(none).returns<Collection[]>(),
  'collections.create': method(
    z.strictObject({ name: z.string().max(500), parentId: s.id.nullable() }),
  ).returns<Collection>(),
  'collections.rename': method(z.strictObject({ id: s.id, name: z.string().max(500) })).returns<void>(),
  'collections.move': method(
    z.strictObject({ id: s.id, parentId: s.id.nullable(), position: z.number().int().min(0).optional() }),
  ).returns<void>(),
  'collections.trash': method(byId).returns<void>(),
  'collections.restore': method(byId).returns<void>(),
  'collections.addItems': method(z.strictObject({ id: s.id, itemIds: s.ids.min(1) })).returns<{
    added: number;
  }>(),
  'collections.removeItems': method(z.strictObject({ id: s.id, itemIds: s.ids.min(1) })).returns<{
    removed: number;
  }>(),
  'collections.moveItems': method(z.strictObject({ from: s.id, to: s.id, itemIds: s.ids.min(1) })).returns<{
    moved: number;
  }>(),

  'tags.list': method(none).returns<Tag[]>(),
  'tags.add': method(
    z.strictObject({ itemIds: s.ids.min(1), names: z.array(z.string().max(200)).min(1).max(100) }),
  ).returns<{ added: number }>(),
  'tags.remove': method(
    z.strictObject({ itemIds: s.ids.min(1), names: z.array(z.string().max(200)).min(1).max(100) }),
  ).returns<{ removed: number }>(),
  'tags.rename': method(z.strictObject({ id: s.id, name: z.string().max(200) })).returns<void>(),
  'tags.setColor': method(
    z.strictObject({
      id: s.id,
      color: z
        .string()
        .regex(/^#[0-9a-fA-F]{6}$/)
        .nullable(),
    }),
  ).returns<void>(),
  'tags.delete': method(byId).returns<void>(),

  'notes.list': method(
    z.strictObject({
      itemId: s.id.optional(),
      text: z.string().max(1000).optional(),
      limit: z.number().int().min(1).max(1000).optional(),
      offset: z.number().int().min(0).optional(),
    }),
  ).returns<NoteSummary[]>(),
  'notes.get': method(byId).returns<Note>(),
  'notes.create': method(
    z.strictObject({ itemId: s.id.nullable(), body: z.string().max(1_000_000) }),
  ).returns<Note>(),
  'notes.update': method(z.strictObject({ id: s.id, body: z.string().max(1_000_000) })).returns<Note>(),
  'notes.trash': method(byId).returns<void>(),
  'notes.restore': method(byId).returns<void>(),

  'digests.list': method(none).returns<Digest[]>(),
  'digests.setDate': method(z.strictObject({ id: s.id, date: s.partialDate.nullable() })).returns<void>(),
  'digests.trash': method(byId).returns<void>(),
  'digests.restore': method(byId).returns<void>(),

  'trash.contents': method(none).returns<TrashContents>(),
  'trash.empty': method(none).returns<{ items: number; collections: number; notes: number }>(),

  'history.undo': method(none).returns<HistoryStep | null>(),
  'history.redo': method(none).returns<HistoryStep | null>(),
  'history.list': method(none).returns<HistoryStep[]>(),

  'duplicates.find': method(none).returns<number[][]>(),
  'duplicates.merge': method(
    z.strictObject({ keepId: s.id, otherIds: s.ids.min(1).max(1000) }),
  ).returns<void>(),

  'import.formats': method(none).returns<FormatInfo[]>(),
  'import.preview': method(
    z.strictObject({
      input: s.importInput,
      format: s.formatId.optional(),
      yearHint: z.number().int().min(1000).max(9999).optional(),
    }),
  ).returns<ImportPreview>(),
  'import.commit': method(
    z.strictObject({
      previewId: z.string().max(100),
      exclude: z.array(z.number().int().min(0)).max(10_000_000).optional(),
      collectionId: s.id.optional(),
      digestDate: s.partialDate.optional(),
    }),
  ).returns<ImportReport>(),
  'import.cancel': method(z.strictObject({ previewId: z.string().max(100) })).returns<void>(),

  'export.formats': method(none).returns<FormatInfo[]>(),
  'export.text': method(
    z.strictObject({ scope: s.exportScope, format: s.formatId, unicode: z.boolean().optional() }),
  ).returns<ExportResult>(),
  /**
   * Desktop only: asks where to save (a system dialog), then writes the file atomically as
   * it renders. `count` is the items written: 0, with `path` null, when the dialog was cancelled.
   */
  'export.save': method(
    z.strictObject({ scope: s.exportScope, format: s.formatId, unicode: z.boolean().optional() }),
  ).returns<{ path: string | null; count: number }>(),

  'bindings.list': method(none).returns<Binding[]>(),
  /** Desktop only (the path comes from a save dialog); the CLI binds with `export --watch`. */
  'bindings.create': method(
    z.strictObject({ scope: s.exportScope, format: z.enum(['bibtex', 'biblatex']) }),
  ).returns<Binding | null>(),
  'bindings.delete': method(byId).returns<void>(),

  'settings.get': method(none).returns<Settings>(),
  'settings.set': method(
    z.strictObject({ citekeyFormula: z.string().max(500).optional(), bibtexUnicode: z.boolean().optional() }),
  ).returns<Settings>(),

  'backups.list': method(none).returns<Backup[]>(),
  'backups.create': method(none).returns<Backup>(),
  'backups.restore': method(z.strictObject({ file: z.string().max(4096) })).returns<LibraryInfo>(),

  /** Opens an http(s) link in the system browser. Returns false where the page must do it. */
  'shell.openExternal': method(
    z.strictObject({
      url: z
        .string()
        .max(8000)
        .regex(/^https?:\/\//i),
    }),
  ).returns<boolean>(),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type ArgsOf<M extends MethodName> = z.input<Contract[M]['args']>;
export type ParsedArgsOf<M extends MethodName> = z.output<Contract[M]['args']>;
export type ResultOf<M extends MethodName> = Exclude<Contract[M]['result'], undefined>;
