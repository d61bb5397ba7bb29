-- The record of changes is append-only and tamper-evident: each entry carries a hash of its content
-- and of the entry before it, so an entry altered outside the app breaks the chain from there on.
ALTER TABLE audit_log ADD COLUMN hash TEXT;

-- Nothing may rewrite or remove an entry. The one update allowed is sealing an entry written before
-- the chain existed (hash still empty), and then only its hash.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
WHEN OLD.hash IS NOT NULL
  OR NEW.id IS NOT OLD.id OR NEW.at IS NOT OLD.at OR NEW.user IS NOT OLD.user
  OR NEW.entity IS NOT OLD.entity OR NEW.entity_id IS NOT OLD.entity_id OR NEW.school_id IS NOT OLD.school_id
  OR NEW.action IS NOT OLD.action OR NEW.summary IS NOT OLD.summary OR NEW.changes IS NOT OLD.changes
  OR NEW.before_state IS NOT OLD.before_state OR NEW.after_state IS NOT OLD.after_state
BEGIN
  SELECT RAISE(ABORT, 'The record of changes cannot be altered.');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'The record of changes cannot be altered.');
END;
