import { useEffect } from 'react';
import { confirmDiscard } from './confirm';

/** The forms on screen that hold changes not yet saved. */
const unsaved = new Set<symbol>();

/**
 * Marks a form as holding unsaved changes while `dirty`: leaving the page in the app asks first
 * (see `mayLeave`), and so does closing or reloading the window.
 */
export function useUnsavedChanges(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    const form = Symbol('unsaved form');
    unsaved.add(form);
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => {
      unsaved.delete(form);
      window.removeEventListener('beforeunload', warn);
    };
  }, [dirty]);
}

/** Whether to go on leaving the page: at once when nothing is unsaved, else if the user discards. */
export function mayLeave(): Promise<boolean> {
  return unsaved.size === 0 ? Promise.resolve(true) : confirmDiscard();
}
