-- The newest before/after figures of every training and its matched
-- untrained accounts (training_impact).
SELECT outcome, training_id, role, account_id, course_id, workload, delivered_on, segment, weeks, before, after
FROM training_impact
WHERE version = (SELECT max(version) FROM training_impact)
ORDER BY outcome, delivered_on, training_id, role DESC, account_id
