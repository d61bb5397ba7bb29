-- Records that can be trusted: each audit entry names the record it is about and the school it
-- belongs to, and keeps the whole record before and after, so a deletion can be undone exactly.
ALTER TABLE audit_log ADD COLUMN school_id INTEGER;
ALTER TABLE audit_log ADD COLUMN before_state TEXT;
ALTER TABLE audit_log ADD COLUMN after_state TEXT;

UPDATE audit_log SET school_id = entity_id WHERE entity = 'school';
UPDATE audit_log SET entity = 'double-district' WHERE entity = 'double_district';

-- Monitoring entries were filed under their school with a free-text action; they become entries of
-- their own kind. Their record's id was never kept, so it is 0 ("not known").
UPDATE audit_log
SET entity = CASE action
      WHEN 'visit' THEN 'visit' WHEN 'edit visit' THEN 'visit'
      WHEN 'category proposed' THEN 'category' WHEN 'edit category proposal' THEN 'category'
      WHEN 'category confirmed' THEN 'category'
      WHEN 'sef' THEN 'sef' WHEN 'ofsted' THEN 'inspection' WHEN 'hmi' THEN 'hmi-visit'
      WHEN 'profile' THEN 'profile' END,
    entity_id = 0,
    action = CASE action
      WHEN 'edit visit' THEN 'edit' WHEN 'edit category proposal' THEN 'edit'
      WHEN 'category confirmed' THEN 'decide' ELSE 'add' END
WHERE entity = 'school'
  AND action IN ('visit', 'edit visit', 'category proposed', 'edit category proposal',
                 'category confirmed', 'sef', 'ofsted', 'hmi', 'profile');

CREATE INDEX audit_school ON audit_log(school_id, id);

-- What the Monitoring page and the importers look up by date and state.
CREATE INDEX visits_date ON visits(visited_on);
CREATE INDEX visits_awaiting_qa ON visits(report_received_on) WHERE qa_on IS NULL;
CREATE INDEX monitoring_visits_school ON monitoring_visits(school_id, visited_on);
