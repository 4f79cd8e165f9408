// Creators: role, family and given name (or one name for organisations); add, remove and
// reorder. Every change is stored as the whole list (one undo step).
import { useState } from 'react';
import { CREATOR_ROLES, type Creator } from '../../../../shared/domain';
import { ROLE_LABELS, isEmptyCreator, moveInList, tidyCreator } from '../../lib/creators';
import { useSheaf } from '../../store';
import { Icon } from '../common/Icon';

export function CreatorsEditor({ creators }: { creators: Creator[] }) {
  const updateItem = useSheaf((s) => s.updateItem);
  const error = useSheaf((s) => s.fieldErrors.creators);
  const [draft, setDraft] = useState(creators);
  const [stored, setStored] = useState(creators);
  // What this editor has stored and main has not yet answered, oldest first. Main's answer
  // to one of them must not undo typing done since (an answer to an earlier save can arrive
  // after a later one was sent); anything else is a change from elsewhere (undo, another
  // window) and replaces the draft.
  const [pending, setPending] = useState<string[]>([]);
  if (creators !== stored) {
    setStored(creators);
    // The same list read again (each change is re-read more than once) is no news.
    const text = canonical(creators);
    if (text !== canonical(stored)) {
      const answered = pending.indexOf(text);
      if (answered >= 0) {
        setPending(pending.slice(answered + 1));
      } else {
        setPending([]);
        setDraft(creators);
      }
    }
  }

  const save = (next: Creator[]) => {
    setDraft(next);
    const clean = next.filter((c) => !isEmptyCreator(c)).map(tidyCreator);
    const text = canonical(clean);
    if (text !== canonical(creators) && text !== pending.at(-1)) {
      setPending((list) => [...list, text]);
      void updateItem({ creators: clean }, 'creators');
    }
  };
  const edit = (index: number, change: Partial<Creator>) =>
    setDraft((list) => list.map((c, i) => (i === index ? { ...c, ...change } : c)));

  return (
    <div className="creators" role="group" aria-label="Creators">
      {draft.map((creator, index) => {
        const name =
          creator.literal !== undefined
            ? creator.literal || 'organisation'
            : [creator.given, creator.family].filter(Boolean).join(' ') || `creator ${index + 1}`;
        return (
          <div className="creator-row" key={index}>
            <select
              className="creator-role"
              aria-label={`Role of creator ${index + 1}`}
              value={creator.role}
              onChange={(event) =>
                save(
                  draft.map((c, i) =>
                    i === index ? { ...c, role: event.target.value as Creator['role'] } : c,
                  ),
                )
              }
            >
              {CREATOR_ROLES.map((role) => (
                <option key={role} value={role}>
                  {ROLE_LABELS[role]}
                </option>
              ))}
            </select>
            {creator.literal !== undefined ? (
              <input
                className="field-input creator-name wide"
                aria-label={`Name of creator ${index + 1}`}
                placeholder="Name"
                value={creator.literal}
                onChange={(event) => edit(index, { literal: event.target.value })}
                onBlur={() => save(draft)}
                onKeyDown={(event) => event.key === 'Enter' && save(draft)}
              />
            ) : (
              <>
                <input
                  className="field-input creator-name"
                  aria-label={`Family name of creator ${index + 1}`}
                  placeholder="Family name"
                  value={creator.family ?? ''}
                  onChange={(event) => edit(index, { family: event.target.value })}
                  onBlur={() => save(draft)}
                  onKeyDown={(event) => event.key === 'Enter' && save(draft)}
                />
                <input
                  className="field-input creator-name"
                  aria-label={`Given name of creator ${index + 1}`}
                  placeholder="Given name"
                  value={creator.given ?? ''}
                  onChange={(event) => edit(index, { given: event.target.value })}
                  onBlur={() => save(draft)}
                  onKeyDown={(event) => event.key === 'Enter' && save(draft)}
                />
              </>
            )}
            <div className="creator-actions">
              <button
                type="button"
                className="icon-button tiny"
                aria-label={
                  creator.literal !== undefined
                    ? `Split ${name} into family and given names`
                    : `Make ${name} one name`
                }
                title={creator.literal !== undefined ? 'Two fields' : 'One field (organisation)'}
                onClick={() =>
                  save(
                    draft.map((c, i) =>
                      i !== index
                        ? c
                        : c.literal !== undefined
                          ? { role: c.role, family: c.literal }
                          : { role: c.role, literal: [c.given, c.family].filter(Boolean).join(' ') },
                    ),
                  )
                }
              >
                <Icon name="columns" size={12} />
              </button>
              <button
                type="button"
                className="icon-button tiny"
                aria-label={`Move ${name} up`}
                disabled={index === 0}
                onClick={() => save(moveInList(draft, index, index - 1))}
              >
                <Icon name="chevronUp" size={12} />
              </button>
              <button
                type="button"
                className="icon-button tiny"
                aria-label={`Move ${name} down`}
                disabled={index === draft.length - 1}
                onClick={() => save(moveInList(draft, index, index + 1))}
              >
                <Icon name="chevronDown" size={12} />
              </button>
              <button
                type="button"
                className="icon-button tiny"
                aria-label={`Remove ${name}`}
                onClick={() => save(draft.filter((_, i) => i !== index))}
              >
                <Icon name="close" size={12} />
              </button>
            </div>
          </div>
        );
      })}
      <div className="creator-footer">
        {draft.length === 0 ? <span className="field-label">Creators</span> : <span />}
        <div>
          <button
            type="button"
            className="link-button add-creator"
            onClick={() => setDraft((list) => [...list, { role: 'author', family: '', given: '' }])}
          >
            <Icon name="plus" size={12} /> Add creator
          </button>
          {error ? (
            <p className="field-error" role="alert">
              {error}
            </p>
          ) : null}
        </div>
      </div>
    </div>
  );
}

const canonical = (creators: Creator[]) => JSON.stringify(creators.map(tidyCreator));
