-- Rewrites account_language_weekly for the weeks @from_week … @to_week from
-- the newest version of ticket_weekly (tickets with a detected language).
INSERT INTO account_language_weekly (week, account_id, language, tickets, version)
SELECT week, account_id, language, sum(tickets), @version
FROM ticket_weekly
WHERE week >= @from_week AND week <= @to_week AND language != ''
  AND (week, version) IN (SELECT week, max(version) FROM ticket_weekly WHERE week >= @from_week AND week <= @to_week GROUP BY week)
GROUP BY week, account_id, language
