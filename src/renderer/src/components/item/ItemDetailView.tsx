// One item, every field editable in place.
import { ITEM_TYPES, type ItemDetail, type ItemType } from '../../../../shared/domain';
import { creatorName } from '../../lib/creators';
import { dateTime } from '../../lib/format';
import {
  BIBLIOGRAPHIC_FIELDS,
  fieldProblem,
  fieldValue,
  IDENTIFIER_FIELDS,
  patchFor,
  type FieldSpec,
} from '../../lib/item-fields';
import { useSheaf } from '../../store';
import { CreatorsEditor } from './CreatorsEditor';
import { EditableField } from './EditableField';
import { ItemMore } from './ItemMore';
import { LinkButtons } from './LinkButtons';

const TYPE_LABELS: Partial<Record<ItemType, string>> = {
  article: 'Journal article',
  inproceedings: 'Conference paper',
  incollection: 'Book section',
  inbook: 'Book chapter',
  preprint: 'Preprint',
  online: 'Web page',
  misc: 'Other',
};
const typeLabel = (type: ItemType) => TYPE_LABELS[type] ?? type.charAt(0).toUpperCase() + type.slice(1);

function Field({ item, spec, first }: { item: ItemDetail; spec: FieldSpec; first?: boolean }) {
  const updateItem = useSheaf((s) => s.updateItem);
  return (
    <EditableField
      fieldKey={spec.field}
      label={spec.label}
      value={fieldValue(item, spec.field)}
      {...(spec.placeholder ? { placeholder: spec.placeholder } : {})}
      multiline={spec.multiline ?? false}
      validate={(value) => fieldProblem(spec.field, value)}
      onSave={(value) => updateItem(patchFor(spec.field, value), spec.field)}
      first={first ?? false}
    />
  );
}

export function ItemDetailView({ item }: { item: ItemDetail }) {
  const updateItem = useSheaf((s) => s.updateItem);
  const byline =
    item.creators.map(creatorName).slice(0, 3).join('; ') + (item.creators.length > 3 ? ' et al.' : '');
  return (
    <article className="item-detail" data-item-id={item.id} aria-label={item.title}>
      <header className="item-header">
        <select
          className="type-select"
          aria-label="Item type"
          value={item.type}
          onChange={(event) => void updateItem({ type: event.target.value as ItemType }, 'type')}
        >
          {ITEM_TYPES.map((type) => (
            <option key={type} value={type}>
              {typeLabel(type)}
            </option>
          ))}
        </select>
        <EditableField
          fieldKey="title"
          label="Title"
          visibleLabel={false}
          className="title-input"
          value={item.title}
          multiline
          validate={(value) => fieldProblem('title', value)}
          onSave={(value) => updateItem({ title: value.trim() }, 'title')}
          first
        />
        {byline ? <p className="byline">{byline}</p> : null}
        <LinkButtons item={item} />
      </header>

      <section className="pane-section" aria-labelledby="info-heading">
        <h3 id="info-heading" className="visually-hidden">
          Info
        </h3>
        <CreatorsEditor creators={item.creators} />
        {BIBLIOGRAPHIC_FIELDS.filter((spec) => spec.field !== 'title').map((spec) => (
          <Field key={spec.field} item={item} spec={spec} />
        ))}
        {IDENTIFIER_FIELDS.map((spec) => (
          <Field key={spec.field} item={item} spec={spec} />
        ))}
        <div className="field">
          <span className="field-label">Added</span>
          <span className="field-static">{dateTime(item.added)}</span>
        </div>
        <div className="field">
          <span className="field-label">Modified</span>
          <span className="field-static">{dateTime(item.modified)}</span>
        </div>
      </section>

      <ItemMore item={item} />
    </article>
  );
}
