import {
  useRef,
  type CSSProperties,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
} from 'react';
import { useAppStore } from '../../store';
import { DEFAULT_CODE_PANE, MAX_CODE_PANE, MIN_CODE_PANE } from '../../workspace/codePane';

const STEP = 0.02;
const BIG_STEP = 0.1;

export interface SplitViewProps {
  start: ReactNode;
  end: ReactNode;
  startId: string;
}

/**
 * Two panes side by side with a divider that drags (pointer) and steps (arrow keys,
 * Home/End; double-click or Enter resets). The width is a store setting, so it is
 * remembered. Narrow screens stack the panes (CSS) and hide the divider.
 */
export function SplitView({ start, end, startId }: SplitViewProps) {
  const fraction = useAppStore((state) => state.codePaneFraction);
  const setFraction = useAppStore((state) => state.setCodePaneFraction);
  const container = useRef<HTMLDivElement>(null);

  const fractionAt = (clientX: number) => {
    const box = container.current?.getBoundingClientRect();
    return box && box.width > 0 ? (clientX - box.left) / box.width : fraction;
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (event.currentTarget.hasPointerCapture(event.pointerId)) {
      setFraction(fractionAt(event.clientX));
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? BIG_STEP : STEP;
    const next: Record<string, number> = {
      ArrowLeft: fraction - step,
      ArrowRight: fraction + step,
      Home: MIN_CODE_PANE,
      End: MAX_CODE_PANE,
      Enter: DEFAULT_CODE_PANE,
    };
    const value = next[event.key];
    if (value === undefined) return;
    event.preventDefault();
    setFraction(value);
  };

  const percent = Math.round(fraction * 100);
  return (
    <div
      className="split"
      ref={container}
      style={{ '--split-start': `${fraction * 100}%` } as CSSProperties}
    >
      <div className="split-pane split-start" id={startId}>
        {start}
      </div>
      <div
        className="split-divider"
        role="separator"
        aria-orientation="vertical"
        aria-label="Resize panels"
        aria-controls={startId}
        aria-valuemin={MIN_CODE_PANE * 100}
        aria-valuemax={MAX_CODE_PANE * 100}
        aria-valuenow={percent}
        aria-valuetext={`Code ${percent}% of the width`}
        tabIndex={0}
        title="Drag or use the arrow keys to resize; double-click to reset"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onKeyDown={onKeyDown}
        onDoubleClick={() => setFraction(DEFAULT_CODE_PANE)}
      />
      <div className="split-pane split-end">{end}</div>
    </div>
  );
}
