import { useMemo } from 'react';
import { useAppStore } from '../../store';
import { selectRun } from '../../store/selectors';
import { MarkedJson, type KeyMark } from './MarkedJson';
import { useRunPlatformView } from './useRunPlatformView';
import { useRunSecretMask } from '../common/useSecretMask';

/** The Merged user section's content once a run has started (MergedUserView.tsx). */
export function MergedUserBody() {
  const run = useAppStore(selectRun);
  const view = useRunPlatformView();
  const mask = useRunSecretMask();
  const marks = useMemo(
    () =>
      new Map<string, KeyMark>(
        view.kind === 'merged-user' ? view.changes.map((c) => [c.path, c.change]) : [],
      ),
    [view],
  );

  return view.kind === 'merged-user' ? (
    <>
      {view.problems.length > 0 && (
        <ul className="problems" aria-label="Metadata problems">
          {view.problems.map((problem) => (
            <li
              key={`${problem.path}:${problem.message}`}
              className={`problem-${problem.severity}`}
            >
              <span className="badge">{problem.severity}</span> <code>{problem.path}</code>:{' '}
              {withoutPathPrefix(problem.message, problem.path)}
            </li>
          ))}
        </ul>
      )}
      <MarkedJson value={view.user} marks={marks} mask={mask} />
      {view.changes.length > 0 ? (
        <ul className="changes" aria-label="Changes to the user">
          {view.changes.map((change) => (
            <li key={change.path}>
              <span className={`badge badge-${change.change}`}>{change.change}</span>{' '}
              <code>{change.path}</code>
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">The response changes nothing in the user.</p>
      )}
      {view.ignoredFields.length > 0 && (
        <div className="notice">
          <p id="ignored-fields-title" className="notice-title">
            Ignored by the platform (only <code>user_metadata</code> and <code>app_metadata</code>{' '}
            are used):
          </p>
          <ul className="inline-list" aria-labelledby="ignored-fields-title">
            {view.ignoredFields.map((field) => (
              <li key={field}>
                <code>user.{field}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  ) : view.kind === 'signup-denied' ? (
    <p className="empty">No merged user: the platform denies the signup (see above).</p>
  ) : (
    <p className="empty">
      {run.status === 'running'
        ? 'Waiting for the callback…'
        : 'No merged user: the signup did not succeed.'}
    </p>
  );
}

/** The core's messages start with the path, which is already shown beside them. */
function withoutPathPrefix(message: string, path: string): string {
  return message.startsWith(`${path}: `) ? message.slice(path.length + 2) : message;
}
