// Paste (outside text fields) and files dropped on the window open the import sheet.
import { useEffect, useState } from 'react';
import { hasFiles } from '../../lib/drag';
import { isEditable } from '../../lib/keyboard';
import { useSheaf } from '../../store';

/** True while files from outside are dragged over the window. */
export function useImportTriggers(): boolean {
  const [draggingFiles, setDraggingFiles] = useState(false);

  useEffect(() => {
    const busy = () => {
      const state = useSheaf.getState();
      return state.importJob.stage === 'importing' || state.dialog !== undefined || state.exportDialog.open;
    };
    const onPaste = (event: ClipboardEvent) => {
      if (isEditable(event.target) || busy()) return;
      const data = event.clipboardData;
      const file = data?.files[0];
      const text = data?.getData('text/plain') ?? '';
      if (file) {
        event.preventDefault();
        void useSheaf.getState().importFile(file);
      } else if (text.trim()) {
        event.preventDefault();
        void useSheaf.getState().importText(text);
      }
    };
    let depth = 0;
    const onDragEnter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth++;
      setDraggingFiles(true);
    };
    const onDragLeave = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDraggingFiles(false);
    };
    const onDragOver = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = busy() ? 'none' : 'copy';
    };
    const onDrop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDraggingFiles(false);
      const file = event.dataTransfer?.files[0];
      if (file && !busy()) void useSheaf.getState().importFile(file);
    };
    document.addEventListener('paste', onPaste);
    window.addEventListener('dragenter', onDragEnter);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      document.removeEventListener('paste', onPaste);
      window.removeEventListener('dragenter', onDragEnter);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, []);

  return draggingFiles;
}
