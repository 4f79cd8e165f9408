// The rendered note: sanitised HTML (lib/markdown). Links open in the system browser;
// [[citekey]] links show the item.
import { useDeferredValue, useMemo } from 'react';
import { openExternal } from '../../api/platform';
import { messageOf } from '../../lib/errors';
import { citekeyOfHref, renderNoteHtml } from '../../lib/markdown';
import { useSheaf } from '../../store';

export default function NotePreview({ markdown }: { markdown: string }) {
  const deferred = useDeferredValue(markdown);
  const html = useMemo(() => renderNoteHtml(deferred), [deferred]);
  return (
    <div
      className="note-preview markdown"
      data-testid="note-preview"
      aria-label="Preview"
      onClick={(event) => {
        const link = (event.target as HTMLElement).closest('a');
        if (!link) return;
        event.preventDefault();
        const href = link.getAttribute('href') ?? '';
        const citekey = citekeyOfHref(href);
        const store = useSheaf.getState();
        if (citekey) void store.openCitekey(citekey);
        else if (href)
          openExternal(href).catch((error: unknown) => store.toast(messageOf(error), { tone: 'error' }));
      }}
      // Sanitised by renderNoteHtml: micromark without raw HTML, then DOMPurify's allow-list.
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
