-- A number that grows whenever what the pages show may have changed: the
-- newest refresh (table_status), stored findings or theme run.
SELECT toUInt64(max(v)) AS version
FROM (
    SELECT max(version) AS v FROM table_status
    UNION ALL SELECT max(version) FROM findings_runs
    UNION ALL SELECT max(run_id) FROM themes
)
