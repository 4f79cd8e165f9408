// `[[` in a note completes citation keys (from main), and closes the link.
import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import type { EditorView } from '@codemirror/view';
import { call } from '../../api/client';

const OPEN_LINK = /\[\[[^\]\s|]*/;

function applyKey(key: string) {
  return (view: EditorView, _completion: Completion, from: number, to: number) => {
    const closed = view.state.sliceDoc(to, to + 2) === ']]';
    const insert = closed ? key : `${key}]]`;
    view.dispatch({
      changes: { from, to, insert },
      selection: { anchor: from + insert.length + (closed ? 2 : 0) },
    });
  };
}

export async function citekeyCompletions(context: CompletionContext): Promise<CompletionResult | null> {
  const match = context.matchBefore(OPEN_LINK);
  if (!match) return null;
  const prefix = match.text.slice(2);
  const matches = await call('items.completeCitekey', { prefix, limit: 20 });
  if (context.aborted) return null;
  return {
    from: match.from + 2,
    options: matches.map((m) => ({
      label: m.citekey,
      detail: m.title.length > 60 ? `${m.title.slice(0, 59)}…` : m.title,
      type: 'text',
      apply: applyKey(m.citekey),
    })),
    validFor: /^[^\]\s|]*$/,
  };
}
