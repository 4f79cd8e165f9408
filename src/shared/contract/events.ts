// Events main pushes to the renderer.
import type { EventName } from './names';

export interface EventPayloads {
  /** The library changed (here or in another process): views should re-query. */
  'library.changed': { label: string; external: boolean };
  /** Progress of a long import; `total` is the number of records. */
  'import.progress': {
    previewId: string;
    phase: 'parsing' | 'writing' | 'indexing';
    done: number;
    total: number;
  };
  /** A kept-updated .bib file was rewritten (or failed to be). */
  'bindings.written': { id: number; path: string; error?: string };
}

export type EventPayload<E extends EventName> = EventPayloads[E];
