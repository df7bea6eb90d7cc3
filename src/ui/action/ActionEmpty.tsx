import './action.css';

/** The Action tab of a hook that has no Action draft yet (Port to Action is in the header). */
export function ActionEmpty() {
  return (
    <div className="action-empty">
      <p>
        This hook has no Action yet. <strong>Port to Action</strong> (above) translates its code
        into the Action that replaces it, and lists in Port notes what it could not translate.
      </p>
    </div>
  );
}
