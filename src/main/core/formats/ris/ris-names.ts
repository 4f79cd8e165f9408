// RIS names ("Lastname, Firstname, Suffix") ↔ Creator, and which tag carries which role.
// A name without a comma is an organisation (literal), as Zotero reads it. Leading
// lower-case words of the last name are the particle: "van der Waals, J." → prefix
// "van der", family "Waals".
import type { Creator, CreatorRole } from '../../../../shared/domain';

/** Tag Sheaf writes for each role. RIS has no tag for book authors or directors: A3. */
const TAG_FOR_ROLE: Record<CreatorRole, string> = {
  author: 'AU',
  inventor: 'AU',
  editor: 'ED',
  translator: 'A4',
  bookauthor: 'A3',
  contributor: 'A3',
  director: 'A3',
};

/** Role each creator tag is read as. */
const ROLE_FOR_TAG: Record<string, CreatorRole> = {
  AU: 'author',
  A1: 'author',
  ED: 'editor',
  A2: 'editor',
  A3: 'contributor',
  A4: 'translator',
};

export function creatorTag(role: CreatorRole): string {
  return TAG_FOR_ROLE[role];
}

export function roleForTag(tag: string): CreatorRole | undefined {
  return Object.hasOwn(ROLE_FOR_TAG, tag) ? ROLE_FOR_TAG[tag] : undefined;
}

export function formatRisName(creator: Creator): string {
  if (creator.literal !== undefined) return creator.literal;
  const last = [creator.prefix, creator.family].filter((part) => part !== undefined && part !== '').join(' ');
  let name = `${last},`;
  if (creator.given) name += ` ${creator.given}`;
  if (creator.suffix) name += `, ${creator.suffix}`;
  return name;
}

export function parseRisName(text: string, role: CreatorRole): Creator | undefined {
  const value = text.trim();
  if (value === '') return undefined;
  if (!value.includes(',')) return { role, literal: value };
  const [last = '', given = '', ...rest] = value.split(',').map((part) => part.trim());
  const creator: Creator = { role };
  const { prefix, family } = splitParticle(last);
  if (family) creator.family = family;
  if (given) creator.given = given;
  if (prefix) creator.prefix = prefix;
  const suffix = rest.filter((part) => part !== '').join(', ');
  if (suffix) creator.suffix = suffix;
  return creator.family !== undefined || creator.given !== undefined ? creator : undefined;
}

function splitParticle(last: string): { prefix?: string; family: string } {
  const words = last.split(/\s+/).filter((word) => word !== '');
  let particles = 0;
  while (particles < words.length - 1 && /^\p{Ll}/u.test(words[particles]!)) particles++;
  if (particles === 0) return { family: last };
  return { prefix: words.slice(0, particles).join(' '), family: words.slice(particles).join(' ') };
}
