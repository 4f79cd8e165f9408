// Creator names between the item pane's text fields and the domain's Creator.
import type { Creator, CreatorRole } from '../../../shared/domain';

export const ROLE_LABELS: Record<CreatorRole, string> = {
  author: 'Author',
  editor: 'Editor',
  translator: 'Translator',
  bookauthor: 'Book author',
  contributor: 'Contributor',
  director: 'Director',
  inventor: 'Inventor',
};

export function creatorName(creator: Creator): string {
  if (creator.literal) return creator.literal;
  const family = [creator.prefix, creator.family].filter(Boolean).join(' ');
  const given = [creator.given, creator.suffix].filter(Boolean).join(', ');
  return given ? `${family}, ${given}` : family;
}

/** A creator with empty parts removed (the API rejects nothing, but keeps data tidy). */
export function tidyCreator(creator: Creator): Creator {
  const out: Creator = { role: creator.role };
  for (const key of ['family', 'given', 'prefix', 'suffix', 'literal'] as const) {
    const value = creator[key]?.trim();
    if (value) out[key] = value;
  }
  return out;
}

export function isEmptyCreator(creator: Creator): boolean {
  return !creator.family?.trim() && !creator.given?.trim() && !creator.literal?.trim();
}

export function moveInList<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length || from === to) return [...list];
  const out = [...list];
  const [moved] = out.splice(from, 1);
  out.splice(to, 0, moved!);
  return out;
}
