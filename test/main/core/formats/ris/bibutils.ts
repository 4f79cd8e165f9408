// Runs Debian's bibutils (ris2xml, xml2bib, bib2xml, xml2ris) as an independent RIS
// reader and writer, and reads the BibTeX xml2bib prints.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const TOOLS = ['ris2xml', 'xml2bib', 'bib2xml', 'xml2ris'];

export const bibutilsMissing = TOOLS.filter((tool) => !existsSync(`/usr/bin/${tool}`));

export function pipe(input: string, ...commands: string[][]): string {
  return commands.reduce(
    (text, [command, ...args]) =>
      execFileSync(`/usr/bin/${command!}`, args, {
        input: text,
        encoding: 'utf8',
        stdio: ['pipe', 'pipe', 'pipe'],
      }),
    input,
  );
}

export interface BibEntry {
  type: string;
  key: string;
  fields: Record<string, string>;
}

/** Reads xml2bib's regular output: `@Type{key,` then `name="value",` lines, `}` to close. */
export function readXml2bib(text: string): BibEntry[] {
  const entries: BibEntry[] = [];
  for (const chunk of text
    .replace(/^\uFEFF/, '')
    .split(/^@/m)
    .slice(1)) {
    const head = /^(\w+)\{([^,\n]*),\n/.exec(chunk);
    if (!head) throw new Error(`unexpected xml2bib output: ${chunk.slice(0, 80)}`);
    const fields: Record<string, string> = {};
    for (const match of chunk.slice(head[0].length).matchAll(/^(\w+)="([^"]*)",?$/gm)) {
      const name = match[1]!.toLowerCase();
      fields[name] = fields[name] === undefined ? match[2]! : `${fields[name]}\n${match[2]!}`;
    }
    entries.push({ type: head[1]!.toLowerCase(), key: head[2]!, fields });
  }
  return entries;
}

/** "A, B\nand C, D" → [{family: A, given: B}, ...]; given names keep bibutils' spacing. */
export function bibNames(value: string | undefined): { family: string; given: string }[] {
  if (value === undefined) return [];
  return value.split(/\s+and\s+/).map((name) => {
    const [family = '', given = ''] = name.split(/,\s*/);
    return { family: family.trim(), given: given.trim() };
  });
}
