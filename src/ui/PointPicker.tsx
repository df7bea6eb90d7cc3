import { points } from '../core/points';
import { PointIdSchema } from '../core/schemas';
import { useAppStore } from '../store';
import { selectPointId } from '../store/selectors';

/** The extensibility point whose draft is shown; each point keeps its own draft. */
export function PointPicker() {
  const pointId = useAppStore(selectPointId);
  const selectPoint = useAppStore((state) => state.selectPoint);
  return (
    <label className="point-picker">
      <span className="point-picker-label">Extensibility point</span>
      <select
        value={pointId}
        onChange={(event) => selectPoint(PointIdSchema.parse(event.target.value))}
      >
        {points.map((point) => (
          <option key={point.id} value={point.id}>
            {point.label}
          </option>
        ))}
      </select>
    </label>
  );
}
