// The lower part of the item pane: abstract, other fields, tags, where the item belongs,
// its notes and backlinks.
import type { ItemDetail } from '../../../../shared/domain';
import { ABSTRACT_FIELD } from '../../lib/item-fields';
import { useSheaf } from '../../store';
import { EditableField } from './EditableField';
import { ExtraFields } from './ExtraFields';
import { ItemNotes } from './ItemNotes';
import { ItemRelations } from './ItemRelations';
import { TagEditor } from './TagEditor';

export function ItemMore({ item }: { item: ItemDetail }) {
  const updateItem = useSheaf((s) => s.updateItem);
  return (
    <>
      <section className="pane-section" aria-labelledby="abstract-heading">
        <h3 id="abstract-heading">Abstract</h3>
        <EditableField
          fieldKey="abstract"
          label={ABSTRACT_FIELD.label}
          visibleLabel={false}
          className="abstract-input"
          value={item.abstract ?? ''}
          placeholder="No abstract"
          multiline
          newlines
          onSave={(value) => updateItem({ abstract: value.trim() }, 'abstract')}
        />
      </section>

      <section className="pane-section" aria-labelledby="fields-heading">
        <h3 id="fields-heading">Other fields</h3>
        <ExtraFields key={item.id} fields={item.fields} />
      </section>

      <section className="pane-section" aria-labelledby="tags-heading-item">
        <h3 id="tags-heading-item">Tags</h3>
        <TagEditor key={item.id} itemId={item.id} tags={item.tags} />
      </section>

      <section className="pane-section" aria-labelledby="relations-heading">
        <h3 id="relations-heading">Collections and digests</h3>
        <ItemRelations item={item} />
      </section>

      <ItemNotes item={item} />
    </>
  );
}
