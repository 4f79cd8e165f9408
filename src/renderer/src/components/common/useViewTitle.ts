import { useMemo } from 'react';
import { viewTitle } from '../../lib/views';
import { useSheaf } from '../../store';

/** The current view's name ("My Library", a collection's name, a digest's date…). */
export function useViewTitle(): string {
  const view = useSheaf((s) => s.view);
  const collections = useSheaf((s) => s.collections);
  const digests = useSheaf((s) => s.digests);
  return useMemo(
    () =>
      viewTitle(view, {
        collections: new Map(collections.map((c) => [c.id, c])),
        digests: new Map(digests.map((d) => [d.id, d])),
      }),
    [view, collections, digests],
  );
}
