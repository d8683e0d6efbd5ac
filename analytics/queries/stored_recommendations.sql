-- Course recommendations stored at the last refresh (set @version), in
-- rank order; @manager and @account_id, when not empty, keep one account
-- manager's accounts or one account.
SELECT account_id, account_name, manager, kind, workload, language, theme_id, theme_label, avoidable_tickets,
       activatable_seats, audience, evidence, course_id, score, reason, sessions, benefit, fallback
FROM course_recommendations
WHERE version = @version AND (@manager = '' OR manager = @manager) AND (@account_id = '' OR account_id = @account_id)
ORDER BY position
