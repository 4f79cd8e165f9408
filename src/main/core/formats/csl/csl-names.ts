// CSL name variables ↔ Creator. A CSL name is {family, given, "dropping-particle",
// "non-dropping-particle", suffix} or {literal}; Sheaf has one `prefix` for both particles
// and writes it as the non-dropping particle ("van der" Waals sorts under "van der").
import type { Creator, CreatorRole } from '../../../../shared/domain';
import { isObject, own, type Complain, type JsonObject } from './domain-guards';

export interface CslName {
  family?: string;
  given?: string;
  'dropping-particle'?: string;
  'non-dropping-particle'?: string;
  suffix?: string;
  literal?: string;
}

/** Name variables Sheaf writes, in the order it writes and reads them. */
const WRITTEN: readonly [string, CreatorRole][] = [
  ['author', 'author'],
  ['editor', 'editor'],
  ['translator', 'translator'],
  ['container-author', 'bookauthor'],
  ['contributor', 'contributor'],
  ['director', 'director'],
];

/** The other CSL 1.0.2 name variables: read as contributors, their role is not kept. */
const READ_AS_CONTRIBUTOR = [
  'chair',
  'collection-editor',
  'compiler',
  'composer',
  'curator',
  'editor-translator',
  'editorial-director',
  'executive-producer',
  'guest',
  'host',
  'illustrator',
  'interviewer',
  'narrator',
  'organizer',
  'original-author',
  'performer',
  'producer',
  'recipient',
  'reviewed-author',
  'script-writer',
  'series-creator',
];

export const CSL_NAME_VARIABLES: ReadonlySet<string> = new Set([
  ...WRITTEN.map(([variable]) => variable),
  ...READ_AS_CONTRIBUTOR,
]);

/** Creators grouped by CSL variable; patent inventors are CSL authors. */
export function cslNamesFromCreators(creators: readonly Creator[]): [string, CslName[]][] {
  const groups = new Map<string, CslName[]>();
  for (const creator of creators) {
    const variable = creator.role === 'inventor' ? 'author' : roleVariable(creator.role);
    const list = groups.get(variable) ?? [];
    list.push(cslName(creator));
    groups.set(variable, list);
  }
  return WRITTEN.flatMap(([variable]) => {
    const names = groups.get(variable);
    return names ? [[variable, names] as [string, CslName[]]] : [];
  });
}

/** Reads every name variable of a record, in WRITTEN order then the contributor ones. */
export function creatorsFromCsl(record: JsonObject, complain: Complain): Creator[] {
  const creators: Creator[] = [];
  const variables: [string, CreatorRole][] = [
    ...WRITTEN,
    ...READ_AS_CONTRIBUTOR.map((variable): [string, CreatorRole] => [variable, 'contributor']),
  ];
  for (const [variable, role] of variables) {
    const value = own(record, variable);
    if (value === undefined) continue;
    if (!Array.isArray(value)) {
      complain(`"${variable}" should be a list of names`, variable);
      continue;
    }
    for (const entry of value) {
      const creator = creatorFromCslName(entry, role);
      if (creator) creators.push(creator);
      else complain(`"${variable}": a name with no family, given or literal part was dropped`, variable);
    }
  }
  return creators;
}

function roleVariable(role: CreatorRole): string {
  return WRITTEN.find(([, written]) => written === role)?.[0] ?? 'contributor';
}

function cslName(creator: Creator): CslName {
  if (creator.literal !== undefined) return { literal: creator.literal };
  const name: CslName = {};
  if (creator.family !== undefined) name.family = creator.family;
  if (creator.given !== undefined) name.given = creator.given;
  if (creator.prefix !== undefined) name['non-dropping-particle'] = creator.prefix;
  if (creator.suffix !== undefined) name.suffix = creator.suffix;
  return name;
}

function creatorFromCslName(entry: unknown, role: CreatorRole): Creator | undefined {
  // Some tools write a bare string for an organisation.
  if (typeof entry === 'string') return entry ? { role, literal: entry } : undefined;
  if (!isObject(entry)) return undefined;
  const text = (key: string): string | undefined => {
    const value = own(entry, key);
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const literal = text('literal');
  if (literal !== undefined) return { role, literal };
  const creator: Creator = { role };
  const family = text('family');
  const given = text('given');
  const particles = [text('dropping-particle'), text('non-dropping-particle')].filter(Boolean);
  const suffix = text('suffix');
  if (family !== undefined) creator.family = family;
  if (given !== undefined) creator.given = given;
  if (particles.length > 0) creator.prefix = particles.join(' ');
  if (suffix !== undefined) creator.suffix = suffix;
  return family !== undefined || given !== undefined ? creator : undefined;
}
