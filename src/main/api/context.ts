// What a handler may use: the open library, the host's platform services (dialogs and
// the system browser exist only on the desktop), and the way to push events.
import type { EventName, EventPayload } from '../../shared/contract';
import type { Library } from '../core/library/library';
import type { ImportSessions } from '../core/service/importing';

export interface Platform {
  /** Asks the user where to save; null when they cancel. Desktop only. */
  chooseSavePath?(suggestedName: string, extension: string): Promise<string | null>;
  /** Opens an http(s) URL in the system browser. Desktop only. */
  openExternal?(url: string): Promise<void>;
}

export interface HandlerContext {
  readonly library: Library;
  readonly platform: Platform;
  readonly imports: ImportSessions;
  /** Aborts running imports by preview id. */
  readonly runningImports: Map<string, AbortController>;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** Closes the library, lets `change` touch its file, and opens it again. */
  reopenLibrary(change: (file: string) => void): Library;
}
