// What an export can cover, given what the user is looking at.
import type { ExportScope } from '../../../shared/results';
import type { AppView } from './views';
import { plural } from './format';

export interface ScopeChoice {
  id: 'selection' | 'collection' | 'digest' | 'search' | 'library';
  label: string;
  scope: ExportScope;
}

export function scopeChoices(input: {
  view: AppView;
  viewTitle: string;
  search: string;
  selectedIds: readonly number[];
}): ScopeChoice[] {
  const choices: ScopeChoice[] = [];
  if (input.selectedIds.length)
    choices.push({
      id: 'selection',
      label: `Selected ${plural(input.selectedIds.length, 'item')}`,
      scope: { kind: 'items', ids: [...input.selectedIds] },
    });
  const spec = input.view.kind === 'items' ? input.view.spec : undefined;
  if (spec?.kind === 'collection')
    choices.push({
      id: 'collection',
      label: `Collection “${input.viewTitle}”`,
      scope: { kind: 'collection', id: spec.id },
    });
  if (spec?.kind === 'digest')
    choices.push({
      id: 'digest',
      label: `Digest “${input.viewTitle}”`,
      scope: { kind: 'digest', id: spec.id },
    });
  if (input.search.trim() && spec && spec.kind !== 'trash')
    choices.push({
      id: 'search',
      label: `Search “${input.search.trim()}”`,
      scope: { kind: 'search', query: input.search.trim() },
    });
  choices.push({ id: 'library', label: 'Whole library', scope: { kind: 'library' } });
  return choices;
}
