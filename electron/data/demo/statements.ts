import type { Db } from '../database';

/**
 * Every INSERT the demo makes, prepared once: seeding a fresh file is bulk work, so it writes rows
 * directly rather than through the one-at-a-time functions the handlers use.
 */
export function demoStatements(db: Db) {
  const insert = (sql: string) => {
    const statement = db.prepare(sql);
    return (params: unknown): number => Number(statement.run(params).lastInsertRowid);
  };
  const sefFramework = db.prepare("SELECT id FROM sef_frameworks WHERE code = 'english-sef'").get() as {
    id: number;
  };
  return {
    englishSefId: sefFramework.id,
    doubleDistrict: insert('INSERT INTO double_districts (name) VALUES (@name)'),
    district: insert('INSERT INTO districts (name, double_district_id) VALUES (@name, @doubleDistrictId)'),
    person: insert('INSERT INTO people (name) VALUES (@name)'),
    role: insert('INSERT INTO person_roles (person_id, role) VALUES (@personId, @role)'),
    school: insert(
      `INSERT INTO schools (dfe, urn, name, type, phase, district_id, diocese, number_on_roll, headteacher,
         chair_of_governors, sip_id, postcode)
       VALUES (@dfe, @urn, @name, @type, @phase, @districtId, @diocese, @numberOnRoll, @headteacher,
         @chairOfGovernors, @sipId, @postcode)`,
    ),
    visit: insert(
      `INSERT INTO visits (school_id, visited_on, visitor_id, role, purpose, days, report_received_on, qa_on,
         claim_status)
       VALUES (@schoolId, @visitedOn, @visitorId, @role, @purpose, @days, @reportReceivedOn, @qaOn, @claimStatus)`,
    ),
    review: insert(
      `INSERT INTO category_reviews (school_id, proposed_on, source, proposed_by_id, proposed_category, evidence,
         decided_on, confirmed_category, decision_notes, support_override, override_reason)
       VALUES (@schoolId, @proposedOn, @source, @proposedById, @proposed, @evidence, @decidedOn, @confirmed,
         @notes, @supportOverride, @overrideReason)`,
    ),
    sef: insert(
      `INSERT INTO sef_entries (school_id, framework_id, sef_on, validated)
       VALUES (@schoolId, @frameworkId, @sefOn, @validated)`,
    ),
    sefGrade: insert(
      'INSERT INTO sef_grades (entry_id, judgement, grade) VALUES (@entryId, @judgement, @grade)',
    ),
    inspection: insert(
      `INSERT INTO inspections (school_id, inspected_on, type, overall, outcome, la_response, la_response_outcome)
       VALUES (@schoolId, @inspectedOn, @type, @overall, @outcome, @laResponse, @laResponseOutcome)`,
    ),
    hmiVisit: insert(
      `INSERT INTO monitoring_visits (school_id, visited_on, progress, notes)
       VALUES (@schoolId, @visitedOn, @progress, @notes)`,
    ),
    profile: insert(
      `INSERT INTO termly_profiles (school_id, academic_year, term, number_on_roll, attendance, exclusions,
         budget_position, new_headteacher)
       VALUES (@schoolId, @academicYear, @term, @numberOnRoll, @attendance, @exclusions, @budgetPosition,
         @newHeadteacher)`,
    ),
  };
}

export type DemoSql = ReturnType<typeof demoStatements>;
