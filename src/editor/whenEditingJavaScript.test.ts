import type * as Monaco from 'monaco-editor/editor/editor.api';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { whenEditingJavaScript, type EditorEvents } from './whenEditingJavaScript';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** Fake editors: each can be focused; listeners are counted so that leaks show. */
function fakeEditors() {
  let live = 0;
  const listen = <T>(list: Set<T>, listener: T): Monaco.IDisposable => {
    list.add(listener);
    live += 1;
    return {
      dispose: () => {
        if (list.delete(listener)) live -= 1;
      },
    };
  };
  const created = new Set<(editor: Monaco.editor.ICodeEditor) => void>();
  const existing: Monaco.editor.ICodeEditor[] = [];
  const make = (languageId: string) => {
    const focus = new Set<() => void>();
    const editor = {
      getModel: () => ({ getLanguageId: () => languageId }),
      onDidFocusEditorText: (listener: () => void) => listen(focus, listener),
    } as unknown as Monaco.editor.ICodeEditor;
    return { editor, focus: () => focus.forEach((listener) => listener()) };
  };
  const events: EditorEvents = {
    onDidCreateEditor: (listener) => listen(created, listener),
    getEditors: () => existing,
  };
  return {
    events,
    /** An editor there before the watch began. */
    existing(languageId: string) {
      const made = make(languageId);
      existing.push(made.editor);
      return made;
    },
    create(languageId: string) {
      const made = make(languageId);
      created.forEach((listener) => listener(made.editor));
      return made;
    },
    live: () => live,
  };
}

async function settled(promise: Promise<void>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await vi.advanceTimersByTimeAsync(0);
  return done;
}

const never = new Promise<void>(() => {});

describe('whenEditingJavaScript', () => {
  it('resolves on the first focus of a JavaScript editor, not of a JSON one', async () => {
    const editors = fakeEditors();
    const hook = editors.existing('javascript');
    const editing = whenEditingJavaScript(editors.events, never, 10_000);
    const payload = editors.create('json');
    payload.focus();
    expect(await settled(editing)).toBe(false);
    hook.focus();
    expect(await settled(editing)).toBe(true);
    // Nothing is watched any more.
    expect(editors.live()).toBe(0);
  });

  it('watches editors made later, such as a module mock', async () => {
    const editors = fakeEditors();
    const editing = whenEditingJavaScript(editors.events, never, 10_000);
    editors.create('javascript').focus();
    expect(await settled(editing)).toBe(true);
  });

  it('without a focus, resolves a quiet while after it is ready, not before', async () => {
    const editors = fakeEditors();
    editors.existing('javascript');
    let ready!: () => void;
    const editing = whenEditingJavaScript(
      editors.events,
      new Promise<void>((resolve) => (ready = resolve)),
      10_000,
    );
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await settled(editing)).toBe(false);
    ready();
    await vi.advanceTimersByTimeAsync(9_900);
    expect(await settled(editing)).toBe(false);
    await vi.advanceTimersByTimeAsync(100);
    expect(await settled(editing)).toBe(true);
    expect(editors.live()).toBe(0);
  });
});
