// Start-up reads, and main's events: re-read on every library change (from this window,
// another one, or the CLI), import progress, .bib files written.
import { useEffect } from 'react';
import { onEventsConnected, subscribe } from '../../api/client';
import { useSheaf } from '../../store';

export function useLibraryEvents() {
  useEffect(() => {
    const store = useSheaf.getState();
    // The first page does not wait for anything else.
    store.syncList();
    void store.refreshLibrary();
    // Not needed for the first screen: after it.
    const formats = setTimeout(
      () =>
        void useSheaf
          .getState()
          .loadFormats()
          .catch(() => undefined),
      300,
    );
    const stops = [
      subscribe('library.changed', () => useSheaf.getState().libraryChanged()),
      subscribe('import.progress', (progress) => useSheaf.getState().onImportProgress(progress)),
      // Connected (or reconnected): re-read, in case something changed while not listening.
      onEventsConnected(() => {
        useSheaf.getState().setListening(true);
        useSheaf.getState().libraryChanged();
      }),
      subscribe('bindings.written', (event) => {
        if (event.error)
          useSheaf.getState().toast(`Could not update ${event.path}: ${event.error}`, { tone: 'error' });
      }),
    ];
    return () => {
      clearTimeout(formats);
      stops.forEach((stop) => stop());
    };
  }, []);
}
