// Problems found in the input, each with the line (and column) to look at.
import type { InputIssue } from '../../../../shared/domain';
import { plural } from '../../lib/format';

const SHOWN = 200;

function IssueList({ issues }: { issues: InputIssue[] }) {
  return (
    <ul className="issue-list">
      {issues.slice(0, SHOWN).map((issue, index) => (
        <li key={index}>
          <span className="issue-where">
            Line {issue.line}
            {issue.column > 1 ? `, column ${issue.column}` : ''}
          </span>
          <span className="issue-text">
            {issue.message}
            {issue.entry ? <span className="muted"> ({issue.entry})</span> : null}
          </span>
        </li>
      ))}
      {issues.length > SHOWN ? <li className="muted">…and {issues.length - SHOWN} more</li> : null}
    </ul>
  );
}

export function ImportIssues({ errors, warnings }: { errors: InputIssue[]; warnings: InputIssue[] }) {
  return (
    <>
      {errors.length ? (
        <section className="import-issues errors" aria-label="Errors" data-testid="import-errors">
          <h3>{plural(errors.length, 'error')} (these entries will be skipped)</h3>
          <IssueList issues={errors} />
        </section>
      ) : null}
      {warnings.length ? (
        <details className="import-issues warnings">
          <summary>{plural(warnings.length, 'warning')}</summary>
          <IssueList issues={warnings} />
        </details>
      ) : null}
    </>
  );
}
