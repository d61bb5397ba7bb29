import { numberFrom } from '../../components/numbers';

/** What each form of a project's records is given by the project page. */
export interface ProjectRecordProps {
  projectId: number;
  onClose: () => void;
  onSaved: () => void;
  /** Given when correcting a record, which can then be deleted: the message says what went. */
  onDeleted: (auditId: number, message: string) => void;
}

/** Pounds as typed into a money field, as the draft's pence: blank stays null, nonsense stays NaN for the rules to name. */
export const penceFrom = (value: string | number) => {
  const pounds = numberFrom(value);
  return pounds === null || Number.isNaN(pounds) ? pounds : Math.round(pounds * 100);
};
