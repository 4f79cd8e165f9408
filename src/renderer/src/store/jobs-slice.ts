// Import and export jobs: the import sheet (preview, options, progress, cancel) and the
// export dialog.
import type { ExportScope, ImportPreview, ImportReport } from '../../../shared/results';
import type { EventPayloads } from '../../../shared/contract';
import { call, transportKind } from '../api/client';
import { copyText, downloadText, fileToImportInput } from '../api/platform';
import { codeOf, messageOf } from '../lib/errors';
import { plural } from '../lib/format';
import type { Slice } from './types';

export type ImportStage = 'closed' | 'choose' | 'reading' | 'preview' | 'importing' | 'cancelled' | 'failed';

export interface ImportJob {
  stage: ImportStage;
  /** File name, or "Pasted text". */
  source?: string;
  preview?: ImportPreview;
  /** Record indices the user unticked. */
  exclude: ReadonlySet<number>;
  collectionId: number | null;
  digestDate: string;
  progress?: EventPayloads['import.progress'];
  error?: string;
}

export interface ExportRequest {
  scope: ExportScope;
  format: string;
  destination: 'file' | 'clipboard';
}

export interface JobsSlice {
  importJob: ImportJob;
  exportDialog: { open: boolean; preferred?: string };
  openImport(): void;
  importText(text: string, source?: string): Promise<void>;
  importFile(file: File): Promise<void>;
  setImportTarget(collectionId: number | null): void;
  setImportDigestDate(date: string): void;
  toggleImportRecord(index: number): void;
  setAllImportRecords(included: boolean): void;
  commitImport(): Promise<ImportReport | undefined>;
  cancelImport(): Promise<void>;
  closeImport(): void;
  onImportProgress(progress: EventPayloads['import.progress']): void;
  openExport(preferred?: string): void;
  closeExport(): void;
  runExport(request: ExportRequest): Promise<void>;
}

const CLOSED: ImportJob = { stage: 'closed', exclude: new Set(), collectionId: null, digestDate: '' };

export const createJobsSlice: Slice<JobsSlice> = (set, get) => {
  const job = () => get().importJob;
  const patch = (change: Partial<ImportJob>) => set({ importJob: { ...job(), ...change } });
  let previewRequest = 0;

  const preview = async (input: { text: string } | { base64: string; name: string }, source: string) => {
    const request = ++previewRequest;
    const previous = job().preview;
    if (previous) void call('import.cancel', { previewId: previous.id }).catch(() => undefined);
    set({ importJob: { ...CLOSED, stage: 'reading', source, collectionId: currentCollection() } });
    try {
      const result = await call('import.preview', { input });
      if (request !== previewRequest || job().stage !== 'reading') {
        void call('import.cancel', { previewId: result.id }).catch(() => undefined);
        return;
      }
      patch({ stage: 'preview', preview: result, digestDate: result.digest?.date ?? '' });
    } catch (error) {
      if (request === previewRequest) patch({ stage: 'failed', error: messageOf(error) });
    }
  };

  const currentCollection = () => {
    const view = get().view;
    return view.kind === 'items' && view.spec.kind === 'collection' ? view.spec.id : null;
  };

  return {
    importJob: CLOSED,
    exportDialog: { open: false },
    openImport() {
      set({ importJob: { ...CLOSED, stage: 'choose' } });
      if (!get().importFormats.length)
        void get()
          .loadFormats()
          .catch(() => undefined);
    },
    importText: (text, source = 'Pasted text') => preview({ text }, source),
    async importFile(file) {
      set({ importJob: { ...CLOSED, stage: 'reading', source: file.name } });
      try {
        await preview(await fileToImportInput(file), file.name);
      } catch (error) {
        patch({ stage: 'failed', error: messageOf(error) });
      }
    },
    setImportTarget: (collectionId) => patch({ collectionId }),
    setImportDigestDate: (digestDate) => patch({ digestDate }),
    toggleImportRecord(index) {
      const exclude = new Set(job().exclude);
      if (exclude.has(index)) exclude.delete(index);
      else exclude.add(index);
      patch({ exclude });
    },
    setAllImportRecords(included) {
      const records = job().preview?.records ?? [];
      patch({ exclude: included ? new Set() : new Set(records.map((r) => r.index)) });
    },
    async commitImport() {
      const { preview: current, exclude, collectionId, digestDate } = job();
      if (!current) return undefined;
      patch({ stage: 'importing', progress: undefined, error: undefined });
      try {
        const report = await call('import.commit', {
          previewId: current.id,
          ...(exclude.size ? { exclude: [...exclude] } : {}),
          ...(collectionId !== null ? { collectionId } : {}),
          ...(current.digest && digestDate && digestDate !== current.digest.date ? { digestDate } : {}),
        });
        // The sheet closes onto the view that shows the import, in one render: switching
        // later would move rows under a click made in between.
        set({ importJob: CLOSED });
        if (report.collectionId !== undefined)
          get().setView({ kind: 'items', spec: { kind: 'collection', id: report.collectionId } });
        else if (report.digest)
          get().setView({ kind: 'items', spec: { kind: 'digest', id: report.digest.id } });
        const parts = [`Imported ${plural(report.added, 'paper')}`];
        if (report.duplicates) parts.push(`${report.duplicates} already in the library`);
        get().toast(`${parts.join(', ')}.`);
        await get().refreshLibrary();
        return report;
      } catch (error) {
        if (codeOf(error) === 'cancelled' || job().stage === 'cancelled')
          patch({ stage: 'cancelled', error: 'Import cancelled; the library was not changed.' });
        else patch({ stage: 'failed', error: messageOf(error) });
        return undefined;
      }
    },
    async cancelImport() {
      const { preview: current, stage } = job();
      if (stage === 'importing') patch({ stage: 'cancelled', error: 'Cancelling…' });
      if (current) await call('import.cancel', { previewId: current.id }).catch(() => undefined);
      if (stage !== 'importing') set({ importJob: CLOSED });
    },
    closeImport() {
      const { preview: current, stage } = job();
      if (stage === 'importing') return;
      previewRequest++;
      if (current && stage === 'preview')
        void call('import.cancel', { previewId: current.id }).catch(() => undefined);
      set({ importJob: CLOSED });
    },
    onImportProgress(progress) {
      const { preview: current, stage } = job();
      if (current?.id === progress.previewId && stage === 'importing') patch({ progress });
    },
    openExport(preferred) {
      set({ exportDialog: { open: true, ...(preferred ? { preferred } : {}) } });
      if (!get().exportFormats.length)
        void get()
          .loadFormats()
          .catch(() => undefined);
    },
    closeExport: () => set({ exportDialog: { open: false } }),
    async runExport({ scope, format, destination }) {
      try {
        if (destination === 'file' && transportKind() === 'desktop') {
          const saved = await call('export.save', { scope, format });
          if (saved.path) get().toast(`Exported ${plural(saved.count, 'item')} to ${saved.path}.`);
        } else {
          const result = await call('export.text', { scope, format });
          if (destination === 'clipboard') {
            await copyText(result.text);
            get().toast(`Copied ${plural(result.count, 'item')} to the clipboard.`);
          } else {
            downloadText(result.text, result.filename, result.mediaType);
            get().toast(`Exported ${plural(result.count, 'item')} to ${result.filename}.`);
          }
        }
        get().closeExport();
      } catch (error) {
        get().toast(messageOf(error), { tone: 'error' });
      }
    },
  };
};
