// Citation-key formulas in the spirit of Better BibTeX: terms joined by `+`, each a
// function with optional arguments and `.filter`s, or a quoted literal; `|` separates
// alternatives (the first that yields a non-empty key wins). Default:
//   auth.lower + shorttitle(3,3) + year
// Compiled once per formula; evaluating it is a few string operations per item.
import type { ItemData } from '../../../shared/domain';
import { SheafError } from '../errors';

export const DEFAULT_CITEKEY_FORMULA = 'auth.lower + shorttitle(3,3) + year';

const FUNCTION_WORDS = new Set(
  'a an the of for on in and or to with from by at as is are via into onto over under without towards toward than its their our your not no'.split(
    ' ',
  ),
);

type Part = (data: ItemData) => string;
type Filter = (value: string, args: number[]) => string;

const FUNCTIONS: Record<string, (data: ItemData, args: number[]) => string> = {
  auth: (data, [n = 1]) => familyNames(data).slice(0, Math.max(1, n)).join(''),
  authors: (data, [n = 99]) => familyNames(data).slice(0, n).join(''),
  authEtAl: (data) => {
    const names = familyNames(data);
    if (names.length <= 2) return names.join('');
    return `${names[0]}EtAl`;
  },
  authorsAlpha: (data) => {
    const names = familyNames(data);
    if (names.length === 1) return names[0]!.slice(0, 3);
    return names
      .slice(0, 4)
      .map((n) => n.slice(0, 1))
      .join('');
  },
  title: (data) => titleWords(data.title).map(capitalize).join(''),
  shorttitle: (data, [n = 3, m = 0]) => {
    // A loop that stops at the n-th word: every new item's key goes through here.
    let key = '';
    let taken = 0;
    for (const word of titleWords(data.title)) {
      if (taken === n) break;
      const lower = word.toLowerCase();
      if (FUNCTION_WORDS.has(lower)) continue;
      key += taken < m ? capitalize(word) : lower;
      taken++;
    }
    return key;
  },
  veryshorttitle: (data) => FUNCTIONS.shorttitle!(data, [1, 0]),
  year: (data) => /^\d{4}/.exec(data.date ?? '')?.[0] ?? '',
  shortyear: (data) => /^\d{2}(\d{2})/.exec(data.date ?? '')?.[1] ?? '',
  month: (data) => /^\d{4}-(\d{2})/.exec(data.date ?? '')?.[1] ?? '',
  type: (data) => data.type,
  arxiv: (data) => data.arxiv ?? '',
};

const FILTERS: Record<string, Filter> = {
  lower: (v) => v.toLowerCase(),
  upper: (v) => v.toUpperCase(),
  capitalize: (v) => capitalize(v),
  ascii: (v) => asciiOnly(v),
  condense: (v) => v.replace(/\s+/g, ''),
  substring: (v, [start = 1, length = v.length]) => v.slice(start - 1, start - 1 + length),
  prefix: (v, [n = 1]) => v.slice(0, n),
};

export interface CitekeyFormula {
  source: string;
  generate(data: ItemData): string;
}

export function compileFormula(source: string): CitekeyFormula {
  const alternatives = source
    .split('|')
    .map((alternative) => alternative.split('+').map((term) => compileTerm(term)));
  return {
    source,
    generate(data) {
      try {
        for (const parts of alternatives) {
          const values: string[] = [];
          for (const part of parts) values.push(part(data));
          const key = finishKey(values, familyNames(data).length === 0);
          if (key) return key;
        }
        return '';
      } finally {
        namesOf = undefined;
      }
    },
  };
}

function compileTerm(term: string): Part {
  const text = term.trim();
  const literal = /^(["'])(.*)\1$/.exec(text);
  if (literal) {
    const value = literal[2]!;
    return () => value;
  }
  const match = /^([A-Za-z]+)(?:\(([\d,\s]*)\))?((?:\.[A-Za-z]+(?:\([\d,\s]*\))?)*)$/.exec(text);
  if (!match) throw new SheafError('invalid-argument', `citation key formula: cannot read "${text}"`);
  const fn = FUNCTIONS[match[1]!];
  if (!fn) {
    throw new SheafError(
      'invalid-argument',
      `citation key formula: unknown function "${match[1]}" (known: ${Object.keys(FUNCTIONS).join(', ')})`,
    );
  }
  const args = parseArgs(match[2]);
  const filters = [...(match[3] ?? '').matchAll(/\.([A-Za-z]+)(?:\(([\d,\s]*)\))?/g)].map((m) => {
    const filter = FILTERS[m[1]!];
    if (!filter) {
      throw new SheafError(
        'invalid-argument',
        `citation key formula: unknown filter ".${m[1]}" (known: ${Object.keys(FILTERS).join(', ')})`,
      );
    }
    const filterArgs = parseArgs(m[2]);
    return (value: string) => filter(value, filterArgs);
  });
  return (data) => filters.reduce((value, filter) => filter(value), fn(data, args));
}

function parseArgs(text: string | undefined): number[] {
  if (!text) return [];
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map(Number);
}

/** The family names of the item `generate` is working on, read once per call. */
let namesOf: { data: ItemData; names: string[] } | undefined;

function familyNames(data: ItemData): string[] {
  if (namesOf?.data === data) return namesOf.names;
  const authors = data.creators.filter((c) => c.role === 'author');
  const chosen = authors.length > 0 ? authors : data.creators.filter((c) => c.role === 'editor');
  const names = chosen
    .map((c) => asciiOnly(c.family ?? c.literal?.split(/\s+/)[0] ?? ''))
    .filter((name) => name.length > 0);
  namesOf = { data, names };
  return names;
}

const NON_ASCII = /[\u0080-\uffff]/;

function stripAccents(text: string): string {
  return NON_ASCII.test(text) ? text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') : text;
}

function titleWords(title: string): string[] {
  return stripAccents(title)
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

function asciiOnly(text: string): string {
  return stripAccents(text).replace(/[^A-Za-z0-9]/g, '');
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * Keys are ASCII letters, digits and -_:. ; a key without an author starts with its
 * first word in lower case ("llmUnlearningShould", not "LLMUnlearningShould").
 */
function finishKey(values: string[], noAuthor: boolean): string {
  const parts = values.map(cleanKeyPart);
  const first = parts.findIndex((part) => part.length > 0);
  if (first < 0) return '';
  if (noAuthor) parts[first] = lowerFirstWord(parts[first]!);
  return parts.join('');
}

function cleanKeyPart(text: string): string {
  return text.replace(/[^A-Za-z0-9_:.-]/g, '');
}

/** "LLMUnlearning" -> "llmUnlearning", "DeepCache" -> "deepCache", "ACUAnalytic" -> "acuAnalytic". */
function lowerFirstWord(text: string): string {
  const acronym = /^[A-Z]{2,}(?=[A-Z][a-z])/.exec(text);
  if (acronym) return acronym[0].toLowerCase() + text.slice(acronym[0].length);
  const end = /^[A-Z]*[a-z0-9]*/.exec(text)?.[0].length ?? 1;
  return text.slice(0, end).toLowerCase() + text.slice(end);
}
