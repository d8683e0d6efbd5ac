-- Writes theme_account_weekly for the theme run @run_id of @scope from the
-- per-ticket assignments just stored (ticket_themes, newest run per ticket).
INSERT INTO theme_account_weekly (scope, run_id, week, account_id, theme_id, tickets)
SELECT scope, @run_id, toMonday(created_at) AS w, account_id, theme_id, count()
FROM ticket_themes FINAL
WHERE scope = @scope AND theme_id != ''
GROUP BY scope, w, account_id, theme_id
