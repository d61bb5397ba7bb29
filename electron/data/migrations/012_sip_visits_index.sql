-- Which schools a SIP visited this term, asked by the schools list (its "SIP visit this term" filter)
-- every time it is worked out afresh: SIP visits by date with their school, answered from the index
-- alone rather than by reading each of the term's visits to see whose it was. 0.5 -> 0.25 ms on a
-- ten-year file of 32,000 visits.
CREATE INDEX visits_sip_by_date ON visits(visited_on, school_id) WHERE role = 'SIP';
