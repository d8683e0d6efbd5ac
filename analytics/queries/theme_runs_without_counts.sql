-- The newest theme run of each scope whose per-account counts are missing
-- (a database upgraded from before theme_account_weekly).
SELECT scope, run_id
FROM (SELECT scope, max(run_id) AS run_id FROM themes GROUP BY scope)
WHERE (scope, run_id) NOT IN (SELECT DISTINCT scope, run_id FROM theme_account_weekly)
ORDER BY scope
