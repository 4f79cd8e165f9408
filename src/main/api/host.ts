// Hosts one open library for a transport (the Electron main process, the browser-mode
// server, the CLI): the handler context, with library events forwarded to listeners.
import type { EventName, EventPayload } from '../../shared/contract';
import { Library, type LibraryOptions } from '../core/library/library';
import { ImportSessions } from '../core/service/importing';
import type { HandlerContext, Platform } from './context';

type Listener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export class LibraryHost implements HandlerContext {
  readonly imports = new ImportSessions();
  readonly runningImports = new Map<string, AbortController>();
  private current: Library;
  private unsubscribe: () => void;
  private readonly listeners = new Set<Listener>();

  constructor(
    library: Library,
    readonly platform: Platform,
    private readonly options: LibraryOptions = {},
  ) {
    this.current = library;
    this.unsubscribe = this.subscribe(library);
  }

  get library(): Library {
    return this.current;
  }

  onEvent(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) listener(event, payload);
  }

  reopenLibrary(change: (file: string) => void): Library {
    const file = this.current.file;
    this.unsubscribe();
    this.current.close();
    try {
      change(file);
    } finally {
      this.current = Library.open(file, this.options);
      this.unsubscribe = this.subscribe(this.current);
    }
    this.emit('library.changed', { label: 'Library restored', external: false });
    return this.current;
  }

  close(): void {
    for (const controller of this.runningImports.values()) controller.abort();
    this.unsubscribe();
    this.current.close();
    this.listeners.clear();
  }

  private subscribe(library: Library): () => void {
    return library.on((change) => this.emit('library.changed', change));
  }
}
