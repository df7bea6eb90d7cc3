import { PointIdSchema } from '../../core/schemas';
import { useAppStore } from '../../store';
import { selectHookId, selectPointId } from '../../store/selectors';
import './hooks.css';
import { PointOptions } from './PointOptions';

/**
 * The selected hook's extensibility point. A hook still holding its point's starter code
 * gets the new point's starter; edited code stays as it is.
 */
export function PointPicker() {
  const pointId = useAppStore(selectPointId);
  const hookId = useAppStore(selectHookId);
  const setHookPoint = useAppStore((state) => state.setHookPoint);
  return (
    <label className="point-picker">
      <span className="point-picker-label">Extensibility point</span>
      <select
        value={pointId}
        onChange={(event) => setHookPoint(hookId, PointIdSchema.parse(event.target.value))}
      >
        <PointOptions />
      </select>
    </label>
  );
}
