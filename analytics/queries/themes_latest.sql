-- The themes of the newest run of a scope, biggest first.
SELECT theme_id, label, workload, terms, languages, tickets, accounts, weeks, first_seen, last_seen, trend,
       recent_tickets, prior_tickets, recurring, is_new, rated, rated_good, example_ids, example_subjects, run_id
FROM themes
WHERE scope = @scope AND run_id = (SELECT max(run_id) FROM themes WHERE scope = @scope)
ORDER BY tickets DESC, theme_id
