/** What each form of a project's records is given by the project page. */
export interface ProjectRecordProps {
  projectId: number;
  onClose: () => void;
  onSaved: () => void;
  /** Given when correcting a record, which can then be deleted: the message says what went. */
  onDeleted: (auditId: number, message: string) => void;
}
