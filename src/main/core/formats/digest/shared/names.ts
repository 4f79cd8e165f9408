// Plain author names ("Johannes van der Waals", "Martin Luther King, Jr.") and author
// lists ("A, B and C (MIT)") as arXiv mails, feeds and the HF API write them, split into
// the family/given/prefix/suffix parts of a Creator.
import type { Creator } from '../../../../../shared/domain';

/** Lower-case particles that belong before the family name ("van der", "de la", "von"). */
const PARTICLES = new Set([
  'af',
  'al',
  'av',
  'bin',
  'da',
  'das',
  'de',
  'dei',
  'del',
  'della',
  'der',
  'des',
  'di',
  'do',
  'dos',
  'du',
  'el',
  'ibn',
  'la',
  'le',
  'les',
  'lo',
  'ten',
  'ter',
  'van',
  'von',
  'zu',
  'zum',
  'zur',
]);
const SUFFIX = /^(?:jr\.?|sr\.?|ii|iii|iv|2nd|3rd)$/i;
/** Words that make a "name" an organisation, written as a literal. */
const ORGANISATION =
  /\b(?:collaboration|consortium|team|group|project|initiative|university|institute|laborator(?:y|ies)|association|society|committee|organi[sz]ation|council|foundation|cent(?:er|re)|inc\.?|ltd\.?|corporation)\b/i;

/**
 * Splits an author list on commas, semicolons, "&" and the word "and", after removing
 * parenthesised affiliations (nested ones included). "Jr." after a comma stays with its
 * name; "et al." is dropped and reported through `etAl`.
 */
export function splitAuthorList(text: string): { names: string[]; etAl: boolean } {
  const flat = removeParenthesised(text).replace(/\s+/g, ' ');
  const pieces = flat.split(/\s*[,;&]\s*|\s+and\s+/i);
  const names: string[] = [];
  let etAl = false;
  for (const raw of pieces) {
    let piece = raw.replace(/^and\s+/i, '').trim();
    const withoutEtAl = piece.replace(/(?:^|\s+)et\.?\s*al\.?$/i, '');
    if (withoutEtAl !== piece) {
      etAl = true;
      piece = withoutEtAl;
    }
    if (!piece) continue;
    if (SUFFIX.test(piece) && names.length > 0) {
      names[names.length - 1] += `, ${piece}`;
      continue;
    }
    names.push(piece);
  }
  return { names, etAl };
}

/** Removes "(...)" groups, nesting included, in one pass; an unclosed "(" drops the rest. */
export function removeParenthesised(text: string): string {
  let depth = 0;
  let out = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '(') {
      if (depth === 0) out += text.slice(start, i);
      depth++;
    } else if (char === ')' && depth > 0) {
      depth--;
      if (depth === 0) start = i + 1;
    }
  }
  if (depth === 0) out += text.slice(start);
  return out;
}

/** One person's name as a Creator: "Family, Given", "Given Family", particles, suffixes. */
export function splitPersonName(name: string): Creator {
  const text = name.replace(/\s+/g, ' ').trim();
  if (ORGANISATION.test(text)) return { role: 'author', literal: text };
  const commaParts = text.split(/\s*,\s*/).filter(Boolean);
  if (commaParts.length >= 2) return invertedName(commaParts);
  const words = text.split(' ').filter(Boolean);
  let suffix: string | undefined;
  if (words.length > 1 && SUFFIX.test(words[words.length - 1]!)) suffix = words.pop();
  return fromWords(words, suffix);
}

/** "Family, Given" or "Family, Jr., Given" (BibTeX order) or "Given Family, Jr.". */
function invertedName(parts: string[]): Creator {
  const [first, second, third] = parts;
  if (SUFFIX.test(second!)) {
    if (third !== undefined) return withParticles(first!, third, second);
    return fromWords(first!.split(' '), second);
  }
  return withParticles(first!, parts.slice(1).join(' '), undefined);
}

function withParticles(familyPart: string, given: string, suffix: string | undefined): Creator {
  const words = familyPart.split(' ');
  let cut = 0;
  while (cut < words.length - 1 && PARTICLES.has(words[cut]!)) cut++;
  return creator(words.slice(cut).join(' '), given, words.slice(0, cut).join(' '), suffix);
}

function fromWords(words: string[], suffix: string | undefined): Creator {
  if (words.length === 0) return { role: 'author', literal: suffix ?? '' };
  if (words.length === 1) return creator(words[0]!, '', '', suffix);
  // The family name is the last word; lower-case particles right before it join the prefix,
  // but the first word is always a given name ("de" alone is not a given-name-less name).
  let familyStart = words.length - 1;
  while (familyStart > 1 && PARTICLES.has(words[familyStart - 1]!)) familyStart--;
  const family = words[words.length - 1]!;
  const prefix = words.slice(familyStart, words.length - 1).join(' ');
  const given = words.slice(0, familyStart).join(' ');
  return creator(family, given, prefix, suffix);
}

function creator(family: string, given: string, prefix: string, suffix: string | undefined): Creator {
  const result: Creator = { role: 'author', family };
  if (given) result.given = given;
  if (prefix) result.prefix = prefix;
  if (suffix) result.suffix = suffix;
  return result;
}

/** Author list text to Creators, in order. */
export function authorsFromList(text: string): { creators: Creator[]; etAl: boolean } {
  const { names, etAl } = splitAuthorList(text);
  return { creators: names.map(splitPersonName), etAl };
}

/** "Given prefix Family, Suffix" for display, or the literal. */
export function displayName(person: Creator): string {
  if (person.literal) return person.literal;
  const main = [person.given, person.prefix, person.family].filter(Boolean).join(' ');
  return person.suffix ? `${main}, ${person.suffix}` : main;
}
