// The Markdown editor (CodeMirror 6), loaded only when a note is opened.
import { autocompletion, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { markdown } from '@codemirror/lang-markdown';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, placeholder } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import { citekeyCompletions } from './citekey-completion';
import { editorTheme } from './editor-theme';

export interface EditorProps {
  /** The text at mount; the editor owns the text afterwards (mount a new one per note). */
  initial: string;
  label: string;
  onChange: (text: string) => void;
  onBlur?: () => void;
  autoFocus?: boolean;
}

export default function CodeMirrorEditor({ initial, label, onChange, onBlur, autoFocus }: EditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const callbacks = useRef({ onChange, onBlur });
  useEffect(() => {
    callbacks.current = { onChange, onBlur };
  });

  useEffect(() => {
    // In a shadow root, CodeMirror's styles go in a constructed style sheet (CSP allows
    // it), not in a <style> element (CSP refuses it).
    const element = host.current!;
    const shadow = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    const parent = document.createElement('div');
    parent.className = 'code-editor-root';
    parent.style.height = '100%';
    shadow.append(parent);
    const view = new EditorView({
      parent,
      root: shadow,
      state: EditorState.create({
        doc: initial,
        extensions: [
          history(),
          keymap.of([...completionKeymap, ...defaultKeymap, ...historyKeymap]),
          markdown(),
          EditorView.lineWrapping,
          editorTheme,
          autocompletion({ override: [citekeyCompletions], icons: false }),
          placeholder('Write in Markdown. Type [[ to link an item by its citation key.'),
          EditorView.contentAttributes.of({ 'aria-label': label, 'aria-multiline': 'true' }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) callbacks.current.onChange(update.state.doc.toString());
          }),
          EditorView.domEventHandlers({ blur: () => void callbacks.current.onBlur?.() }),
        ],
      }),
    });
    if (autoFocus) view.focus();
    return () => {
      view.destroy();
      parent.remove();
    };
    // The editor is created once per mount; `initial` is only its starting text.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return <div ref={host} className="code-editor" />;
}
