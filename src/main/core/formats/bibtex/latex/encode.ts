// Unicode text → BibTeX field text, the exact inverse of latex/decode for the text Sheaf
// stores: specials escaped (`# $ % & _ { } ~ ^ \`), ligatures the decoder would form
// broken up (`-{}-`), and, in ASCII mode, accented letters and symbols written as LaTeX
// commands (`{\"o}`, `$\alpha$`). Characters with no LaTeX form stay UTF-8.
import { ACCENTS, LETTERS, MATH_SYMBOLS, SUBSCRIPTS, SUPERSCRIPTS, TEXT_SYMBOLS } from './tables';

const ESCAPES: Record<string, string> = {
  '#': '\\#',
  $: '\\$',
  '%': '\\%',
  '&': '\\&',
  _: '\\_',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '\\': '\\textbackslash{}',
};

/** Characters written in math mode; consecutive ones share one `$...$`. */
const MATH = new Map<string, string>();
/** Characters written as text commands or letters. */
const TEXT = new Map<string, string>();
const ACCENT_COMMANDS = new Map<string, string>();

function buildTables(): void {
  for (const [name, char] of Object.entries(LETTERS)) {
    if (!TEXT.has(char)) TEXT.set(char, `{\\${name}}`);
  }
  for (const [name, char] of TEXT_SYMBOLS) {
    if ([...char].length !== 1 || char.charCodeAt(0) < 128 || TEXT.has(char)) continue;
    TEXT.set(char, `\\${name}{}`);
  }
  TEXT.set('–', '--');
  TEXT.set('—', '---');
  TEXT.set('“', '``');
  TEXT.set('”', "''");
  TEXT.set('\u2009', '\\,');
  TEXT.set('\u2005', '\\;');
  for (const [name, char] of MATH_SYMBOLS) {
    if (!MATH.has(char) && !TEXT.has(char)) MATH.set(char, `\\${name}`);
  }
  MATH.set('−', '-');
  for (const [char, script] of Object.entries(SUPERSCRIPTS)) if (char !== '−') MATH.set(script, `^{${char}}`);
  for (const [char, script] of Object.entries(SUBSCRIPTS)) if (char !== '−') MATH.set(script, `_{${char}}`);
  for (const [name, mark] of Object.entries(ACCENTS)) {
    if (!ACCENT_COMMANDS.has(mark)) ACCENT_COMMANDS.set(mark, name);
  }
}
buildTables();

/**
 * Characters that need work: escapes, possible ligatures, and (ASCII mode) anything
 * non-ASCII. Found with a regular expression, whose native scan skips the plain runs
 * between them far faster than a loop over char codes.
 */
const SPECIAL_IN_ASCII_MODE = /[#$%&_{}~^\\\n\-`'\u0080-\uffff]/g;
const SPECIAL_IN_UTF8_MODE = /[#$%&_{}~^\\\n\-`'\u00a0]/g;

/** Encodings of non-ASCII characters, computed once each (NFD and table look-ups are slow). */
const ASCII_ENCODING = new Map<string, string>();

/** `ascii`: write non-ASCII as LaTeX (BibTeX); else keep UTF-8 (BibLaTeX default). */
export function unicodeToLatex(text: string, ascii: boolean): string {
  const special = ascii ? SPECIAL_IN_ASCII_MODE : SPECIAL_IN_UTF8_MODE;
  special.lastIndex = 0;
  let match = special.exec(text);
  if (match === null) return text;
  // Pieces joined once at the end: `+=` would build a rope that costs more to flatten later.
  const out: string[] = [];
  let last = ''; // last character written
  let math = '';
  let lastScript = '';
  let runStart = 0;
  for (; match !== null; match = special.exec(text)) {
    let i = match.index;
    const code = text.charCodeAt(i);
    if (i > runStart) {
      if (math) {
        out.push(`$${math}$`);
        math = lastScript = '';
      }
      out.push(text.slice(runStart, i));
      last = text[i - 1]!;
    }
    const ch = code >= 0xd800 && code <= 0xdbff ? String.fromCodePoint(text.codePointAt(i)!) : text[i]!;
    i += ch.length;
    runStart = special.lastIndex = i;
    const inMath = ascii && code >= 128 ? MATH.get(ch) : undefined;
    if (inMath !== undefined) {
      // "¹³" is one superscript, `^{13}`: `^{1}^{3}` would be a double superscript.
      const script = inMath[0] === '^' || inMath[0] === '_' ? inMath[0] : '';
      if (script && script === lastScript) math = `${math.slice(0, -1)}${inMath.slice(2)}`;
      else math += inMath;
      lastScript = script;
      continue;
    }
    if (math) {
      out.push(`$${math}$`);
      last = '$';
      math = lastScript = '';
    }
    const piece = code < 128 ? encodeAscii(ch, text[i]) : encodeNonAscii(ch, ascii);
    // "-" then "–" (`--`) must not read back as `---`: keep ligature characters apart.
    if ((last === '-' || last === '`' || last === "'") && piece[0] === last) out.push('{}');
    out.push(piece);
    last = piece[piece.length - 1] ?? last;
  }
  if (math) out.push(`$${math}$`);
  if (runStart < text.length) out.push(text.slice(runStart));
  return out.join('');
}

function encodeAscii(ch: string, next: string | undefined): string {
  const escape = ESCAPES[ch];
  if (escape !== undefined) return escape;
  if (ch === '\n') return next === '\n' || next === undefined ? '\n' : ' ';
  return ch;
}

function encodeNonAscii(ch: string, ascii: boolean): string {
  if (ch === '\u00a0') return '~';
  if (!ascii) return ch;
  let encoded = ASCII_ENCODING.get(ch);
  if (encoded === undefined) {
    encoded = TEXT.get(ch) ?? accented(ch) ?? ch;
    ASCII_ENCODING.set(ch, encoded);
  }
  return encoded;
}

/** "é" → `{\'e}`, "ǘ" → `{\'{\"u}}`, "č" → `{\v{c}}`; undefined if a mark has no command. */
function accented(ch: string): string | undefined {
  const [base, ...marks] = [...ch.normalize('NFD')];
  if (!base || marks.length === 0) return undefined;
  const baseText = base.charCodeAt(0) < 128 ? base : TEXT.get(base);
  if (baseText === undefined || baseText.startsWith('\\')) return undefined;
  let inner = baseText;
  for (const mark of marks) {
    const command = ACCENT_COMMANDS.get(mark);
    if (command === undefined) return undefined;
    const isLetterCommand = /^[a-z]/i.test(command);
    inner = isLetterCommand || inner.length > 1 ? `\\${command}{${inner}}` : `\\${command}${inner}`;
  }
  return `{${inner}}`;
}
