// Creators → a BibTeX name list that parses back to the same Creators: "von Last, Jr,
// First", braces where BibTeX would otherwise split a family name or read a word as a
// particle, literals in braces, and biblatex's extended format when plain BibTeX syntax
// cannot say it (a particle that starts with a capital: "Van").
import type { Creator } from '../../../../../shared/domain';
import { OTHERS } from './parse-names';

export type EncodeText = (text: string) => string;

const identity: EncodeText = (text) => text;

export function formatNameList(creators: readonly Creator[], encode: EncodeText, extended: boolean): string {
  return creators.map((creator) => formatName(creator, encode, extended)).join(' and ');
}

/** The comparable text of a name list: what import stores as the field's value. */
export function canonicalNameList(creators: readonly Creator[]): string {
  return formatNameList(creators, identity, true);
}

export function formatName(creator: Creator, encode: EncodeText, extended: boolean): string {
  if (creator.literal !== undefined) {
    if (creator.literal === OTHERS) return OTHERS;
    const text = encode(creator.literal);
    // `{\textbackslash{}x}` would read as a special character, not a literal: one more group.
    return text.startsWith('\\') ? `{{${text}}}` : `{${text}}`;
  }
  const family = creator.family ?? '';
  const given = creator.given ?? '';
  const prefix = creator.prefix ?? '';
  const suffix = creator.suffix ?? '';
  if (!family) return protect(encode(given), true);
  if (prefix && !startsLowerCase(lastWord(prefix)) && extended) return formatExtended(creator, encode);
  const familyText = protect(encode(family), hasLowerCaseInnerWord(family) || needsBraces(family));
  const vonLast = prefix ? `${encode(prefix)} ${familyText}` : familyText;
  const givenText = protect(encode(given), needsBraces(given));
  if (suffix) return `${vonLast}, ${protect(encode(suffix), needsBraces(suffix))}, ${givenText}`;
  if (given) return `${vonLast}, ${givenText}`;
  // "De Win" alone would read as given "De", family "Win": a comma says it is all family.
  return /\s/.test(family) && !prefix ? `${vonLast},` : vonLast;
}

function formatExtended(creator: Creator, encode: EncodeText): string {
  const parts: string[] = [];
  for (const key of ['family', 'given', 'prefix', 'suffix'] as const) {
    const value = creator[key];
    if (value) parts.push(`${key}={${encode(value)}}`);
  }
  return parts.join(', ');
}

function protect(text: string, braces: boolean): string {
  return braces ? `{${text}}` : text;
}

/** A comma or a stand-alone "and" would split the name. */
function needsBraces(text: string): boolean {
  if (text.includes(',')) return true;
  return /and/i.test(text) && /(^|\s)and(\s|$)/i.test(text);
}

/** BibTeX reads every lower-case word of "von Last" but the final one as a particle. */
function hasLowerCaseInnerWord(family: string): boolean {
  if (!family.includes(' ')) return false;
  const words = family.split(/\s+/);
  return words.slice(0, -1).some(startsLowerCase);
}

function lastWord(text: string): string {
  const words = text.trim().split(/\s+/);
  return words[words.length - 1] ?? '';
}

function startsLowerCase(word: string): boolean {
  for (const ch of word) {
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    if (lower !== upper) return ch === lower;
  }
  return false;
}
