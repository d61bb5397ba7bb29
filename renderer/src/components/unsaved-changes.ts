import { useCallback, useEffect, useState } from 'react';
import { confirmDiscard } from './confirm';

/** The forms on screen that hold changes not yet saved. */
const unsaved = new Set<symbol>();

/**
 * Marks a form as holding unsaved changes while `dirty`: leaving the page in the app asks first
 * (see `mayLeave`), and so does closing or reloading the window. Returns `settled`, for the form to
 * call once its changes are saved: what it calls next (often a move to another page) must not ask.
 */
export function useUnsavedChanges(dirty: boolean): () => void {
  const [form] = useState(() => Symbol('form'));
  useEffect(() => {
    if (!dirty) return;
    unsaved.add(form);
    const warn = (event: BeforeUnloadEvent) => {
      if (unsaved.has(form)) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      unsaved.delete(form);
      window.removeEventListener('beforeunload', warn);
    };
  }, [dirty, form]);
  return useCallback(() => void unsaved.delete(form), [form]);
}

/** Whether to go on leaving the page: at once when nothing is unsaved, else if the user discards. */
export function mayLeave(): Promise<boolean> {
  return unsaved.size === 0 ? Promise.resolve(true) : confirmDiscard();
}
