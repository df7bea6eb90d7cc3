import { points } from '../../core/points';

/** The five extensibility points as `<option>`s, by trigger id with their labels. */
export function PointOptions() {
  return (
    <>
      {points.map((point) => (
        <option key={point.id} value={point.id}>
          {point.label}
        </option>
      ))}
    </>
  );
}
