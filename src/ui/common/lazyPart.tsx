import {
  Component,
  createContext,
  useContext,
  useEffect,
  useRef,
  useSyncExternalStore,
  type ComponentType,
  type ReactNode,
} from 'react';
import { loadErrorText } from '../../core/loadOnce';
import { createPartLoader, renewFailedParts } from './partLoader';

/** A LazyPartSlot around a part: what stands in while the part's code comes. */
const Slot = createContext<{ fallback: ReactNode } | null>(null);

const LOADING = <p className="part-loading">Loading…</p>;

/**
 * A view that the first paint does not need, loaded on first use. `preload` starts the
 * request early (on hover, focus or the opening click), so the part is usually there by the
 * time it renders, and then it renders at once (partLoader). Until its code is in, it shows
 * its slot's stand-in, or `fallback` outside a slot. After a failed load the part asks again
 * only on "Try again", or when it is opened anew (LoadBoundary): React renders a failed tree
 * once more before it shows the error, and a part that asked anew on that render would fail,
 * and ask, without end.
 */
export function lazyPart<P extends object>(
  load: () => Promise<ComponentType<P>>,
  fallback: ReactNode = LOADING,
) {
  const loader = createPartLoader(load);
  function Part(props: P) {
    const state = useSyncExternalStore(loader.subscribe, loader.state);
    const slot = useContext(Slot);
    if (state.status === 'failed') throw state.error;
    if (state.status === 'pending') {
      loader.request();
      return slot ? slot.fallback : fallback;
    }
    const Loaded = state.value;
    if (!slot) return <Loaded {...props} />;
    // The slot is this part's: a part inside it (an editor in a dialog) has its own stand-in.
    return (
      <Arrived>
        <Slot.Provider value={null}>
          <Loaded {...props} />
        </Slot.Provider>
      </Arrived>
    );
  }
  return { Part, preload: loader.preload };
}

interface LoadBoundaryProps {
  /** What failed to load, in a sentence: "The import dialog". */
  what: string;
  /** In a dialog: a Close beside "Try again", since the part's own Close did not load. */
  onClose?: () => void;
  children: ReactNode;
}

interface LazyPartSlotProps extends LoadBoundaryProps {
  /** What stands in while it loads; "Loading…" unless given (null: nothing). */
  fallback?: ReactNode;
}

/**
 * A lazily loaded part in place: "Loading…" while it comes, and if its chunk cannot be
 * fetched (offline before the app was cached, a deploy replaced the files) an alert that
 * says so and a "Try again" that asks anew, instead of a blank.
 */
export function LazyPartSlot({ what, onClose, fallback = LOADING, children }: LazyPartSlotProps) {
  return (
    <LoadBoundary what={what} onClose={onClose}>
      <Slot.Provider value={{ fallback }}>{children}</Slot.Provider>
    </LoadBoundary>
  );
}

class LoadBoundary extends Component<LoadBoundaryProps, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  /** A failed part closed (a dialog's Close) asks again when it is opened next. */
  override componentWillUnmount() {
    if (this.state.error !== null) renewFailedParts();
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return (
      <div role="alert" className="part-load-error">
        <p>
          {this.props.what} could not be loaded ({loadErrorText(this.state.error)}). Check the
          connection and try again.
        </p>
        <button
          type="button"
          className="button"
          onClick={() => {
            renewFailedParts();
            this.setState({ error: null });
          }}
        >
          Try again
        </button>
        {this.props.onClose && (
          <button type="button" className="button button-quiet" onClick={this.props.onClose}>
            Close
          </button>
        )}
      </div>
    );
  }
}

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), select, textarea, [tabindex="0"]';

/**
 * A modal dialog opened before its content arrived has the focus on itself: once the
 * content is there, the focus goes where showModal would have put it, the first control.
 */
function Arrived({ children }: { children: ReactNode }) {
  const marker = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const dialog = marker.current?.closest('dialog');
    if (!dialog?.open) return;
    if (document.activeElement !== dialog && document.activeElement !== document.body) return;
    dialog.querySelector<HTMLElement>(FOCUSABLE)?.focus();
  }, []);
  return (
    <>
      <span ref={marker} hidden />
      {children}
    </>
  );
}
