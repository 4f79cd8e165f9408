// Import and export.
import { SheafError } from '../../core/errors';
import { exportFormats, importFormats } from '../../core/formats/registry';
import {
  exportFileName,
  exportTextInSlices,
  safeFileName,
  saveExportInSlices,
  scopeLabel,
} from '../../core/service/exporting';
import { commitImport, previewImport } from '../../core/service/importing';
import { createBindingInSlices, deleteBinding, listBindings } from '../../core/service/bindings';
import type { Handlers } from './types';

export const transferHandlers: Handlers<
  | 'import.formats'
  | 'import.preview'
  | 'import.commit'
  | 'import.cancel'
  | 'export.formats'
  | 'export.text'
  | 'export.save'
  | 'bindings.list'
  | 'bindings.create'
  | 'bindings.delete'
> = {
  'import.formats': () =>
    importFormats().map((f) => ({ id: f.id, label: f.label, extensions: f.extensions })),
  'import.preview': ({ input, format, yearHint }, { library, imports }) =>
    previewImport(
      library,
      imports,
      'text' in input
        ? { text: input.text, ...(input.name ? { name: input.name } : {}) }
        : { bytes: Buffer.from(input.base64, 'base64'), ...(input.name ? { name: input.name } : {}) },
      { ...(format ? { format } : {}), ...(yearHint ? { yearHint } : {}) },
    ),
  'import.commit': async ({ previewId, exclude, collectionId, digestDate }, context) => {
    const session = context.imports.take(previewId);
    const controller = new AbortController();
    context.runningImports.set(previewId, controller);
    try {
      const report = await commitImport(context.library, session, {
        ...(exclude ? { exclude } : {}),
        ...(collectionId !== undefined ? { collectionId } : {}),
        ...(digestDate ? { digestDate } : {}),
        signal: controller.signal,
        onProgress: (phase, done, total) =>
          context.emit('import.progress', { previewId, phase, done, total }),
      });
      context.imports.drop(previewId);
      return report;
    } finally {
      context.runningImports.delete(previewId);
    }
  },
  'import.cancel': ({ previewId }, { runningImports, imports }) => {
    runningImports.get(previewId)?.abort();
    imports.drop(previewId);
  },
  'export.formats': () =>
    exportFormats().map((f) => ({ id: f.id, label: f.label, extensions: [f.extension] })),
  // In slices: the app answers other calls while a big library is exported.
  'export.text': ({ scope, format, unicode }, { library }) =>
    exportTextInSlices(library, scope, format, unicode === undefined ? {} : { unicode }),
  'export.save': async ({ scope, format, unicode }, { library, platform }) => {
    if (!platform.chooseSavePath) {
      throw new SheafError(
        'invalid-argument',
        'Saving to a file needs the desktop app; use export.text and download it.',
      );
    }
    // The dialog first (a big export takes seconds), then the file written as it renders.
    const filename = exportFileName(library, scope, format);
    const path = await platform.chooseSavePath(filename, filename.split('.').pop() ?? 'txt');
    if (!path) return { path: null, count: 0 };
    const count = await saveExportInSlices(
      library,
      scope,
      format,
      path,
      unicode === undefined ? {} : { unicode },
    );
    return { path, count };
  },
  'bindings.list': (_, { library }) => listBindings(library),
  'bindings.create': async ({ scope, format }, { library, platform }) => {
    if (!platform.chooseSavePath) {
      throw new SheafError(
        'invalid-argument',
        'Choosing a file needs the desktop app; use `sheaf export --watch` instead.',
      );
    }
    // The suggestion is a file name: a collection called "../../x" must not point elsewhere.
    const path = await platform.chooseSavePath(`${safeFileName(scopeLabel(library, scope))}.bib`, 'bib');
    if (!path) return null;
    return createBindingInSlices(library, scope, format, path);
  },
  'bindings.delete': ({ id }, { library }) => deleteBinding(library, id),
};
