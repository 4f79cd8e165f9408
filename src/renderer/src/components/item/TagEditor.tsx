// The item's tags: remove one with its ×, add with Enter.
import { useState } from 'react';
import { useSheaf } from '../../store';
import { Icon } from '../common/Icon';

export function TagEditor({ itemId, tags }: { itemId: number; tags: string[] }) {
  const [text, setText] = useState('');
  const tagItems = useSheaf((s) => s.tagItems);
  const untagItems = useSheaf((s) => s.untagItems);
  const toggleTagFilter = useSheaf((s) => s.toggleTagFilter);
  return (
    <div className="tag-editor">
      <ul className="chips" aria-label="Tags">
        {tags.map((tag) => (
          <li key={tag} className="chip">
            <button
              type="button"
              className="chip-label"
              title={`Show items tagged ${tag}`}
              onClick={() => toggleTagFilter(tag)}
            >
              {tag}
            </button>
            <button
              type="button"
              className="chip-remove"
              aria-label={`Remove the tag ${tag}`}
              onClick={() => void untagItems([itemId], [tag])}
            >
              <Icon name="close" size={10} />
            </button>
          </li>
        ))}
      </ul>
      <input
        className="text-input small"
        aria-label="Add a tag"
        placeholder="Add a tag…"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && text.trim()) {
            event.preventDefault();
            void tagItems([itemId], text.split(',')).then(() => setText(''));
          }
        }}
      />
    </div>
  );
}
