// Keeps every bound .bib file current in a long-lived host: debounced after each change,
// written in slices so that the event loop keeps turning (ADRs 60, 62).
import type { Library } from '../library/library';
import { BindingWriter, bindingRows } from './bindings';
import { generationPause } from './exporting';

/**
 * Keeps bound files current: call `changed()` on every library change. Writes are
 * debounced and done in slices, yielding to the event loop between them; a change during a
 * write stops it unwritten, and the write that change schedules starts over.
 */
export class BindingsSync {
  private readonly writer = new BindingWriter();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(
    private readonly library: () => Library,
    private readonly onWritten: (id: number, path: string, error?: string) => void,
    private readonly delayMs = 400,
  ) {}

  changed(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
    this.timer.unref?.();
  }

  /** Brings every bound file up to date now; resolves when they are (or a change stopped it). */
  flush(): Promise<void> {
    this.timer = undefined;
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.writeAll();
        } while (this.again && !this.stopped);
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  private async writeAll(): Promise<void> {
    const library = this.library();
    if (this.stopped || !library.db.open) return;
    const pause = generationPause(library, () => this.stopped);
    for (const row of bindingRows(library)) {
      try {
        const result = await this.writer.writeInSlices(library, row, pause);
        // The change that made the slices stale has scheduled the next write.
        if (result === 'stale') return;
        if (result === 'written') this.onWritten(row.id, row.path);
      } catch (error) {
        if (!library.db.open) return;
        this.onWritten(row.id, row.path, error instanceof Error ? error.message : String(error));
      }
    }
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }
}
