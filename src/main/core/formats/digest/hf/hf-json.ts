// The saved response of https://huggingface.co/api/daily_papers: an array of entries
// `{ paper: { id, title, summary, authors, publishedAt, upvotes, githubRepo?, projectPage? },
// publishedAt, title, ... }`. Plain arrays of paper objects are accepted as well.
import type { ImportFormat, ImportOptions, ParseResult } from '../../types';
import { jsonErrorPosition, topLevelElementOffsets } from '../shared/json';
import { checkReadable, emptyResult, failedResult, issue } from '../shared/result';
import { LineIndex, stripBom } from '../shared/text';
import { commonPostingDate, findPaperArray, hfPaperData } from './hf-paper';

export const HF_JSON = 'hf-json';

export const hfJsonFormat: ImportFormat = {
  id: HF_JSON,
  label: 'Hugging Face daily papers (JSON)',
  extensions: ['json'],
  detect: detectHfJson,
  parse: parseHfJson,
};

function detectHfJson(text: string): number {
  const head = stripBom(text.slice(0, 4096)).trimStart();
  if (!head.startsWith('[') && !head.startsWith('{')) return 0;
  const hasTitle = head.includes('"title"');
  if (head.includes('"paper"') && (hasTitle || head.includes('"summary"'))) return 0.95;
  if (hasTitle && head.includes('"summary"')) return 0.7;
  return 0.2;
}

export function parseHfJson(input: string, _options?: ImportOptions): ParseResult {
  const unreadable = checkReadable(input);
  if (unreadable) return failedResult(HF_JSON, unreadable);
  const text = stripBom(input);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const { line, column } = jsonErrorPosition(text, error);
    const reason = error instanceof Error ? error.message : String(error);
    return failedResult(HF_JSON, issue(line, column, `This is not valid JSON: ${reason}`));
  }
  const entries = findPaperArray(value);
  if (!entries) {
    return failedResult(
      HF_JSON,
      issue(1, 1, 'No papers found: expected the Hugging Face daily papers response (an array of papers).'),
    );
  }
  const result = emptyResult(HF_JSON);
  // Positions are exact for a top-level array; papers nested deeper are reported at 1:1.
  const offsets = entries === value ? topLevelElementOffsets(text) : [];
  const lines = offsets.length > 0 ? new LineIndex(text) : undefined;
  entries.forEach((entry, index) => {
    const offset = offsets[index];
    const { line, column } = offset !== undefined && lines ? lines.position(offset) : { line: 1, column: 1 };
    const mapped = hfPaperData(entry);
    if ('problem' in mapped) {
      result.errors.push(issue(line, column, `Paper ${index + 1} was skipped: ${mapped.problem}.`));
      return;
    }
    result.records.push({ data: mapped.data, line });
    if (!mapped.data.abstract) {
      result.warnings.push(
        issue(line, column, 'This paper has no summary; imported without an abstract.', mapped.data.title),
      );
    }
  });
  const date = commonPostingDate(entries);
  result.digest = date ? { source: HF_JSON, date, dateInferred: true } : { source: HF_JSON };
  return result;
}
