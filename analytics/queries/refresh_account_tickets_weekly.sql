-- Rewrites account_tickets_weekly for the weeks @from_week … @to_week from
-- the newest version of ticket_weekly.
INSERT INTO account_tickets_weekly (week, account_id, tickets, howto, escalated, responded, response_minutes, response_in_target,
    resolved, resolution_minutes, resolution_in_target, rated, rated_good, nps_responses, promoters, detractors, version)
SELECT week, account_id, sum(tickets), sumIf(tickets, category = 'howto'), sum(escalated), sum(responded), sum(response_minutes),
       sum(response_in_target), sum(resolved), sum(resolution_minutes), sum(resolution_in_target), sum(rated), sum(rated_good),
       sum(nps_responses), sum(promoters), sum(detractors), @version
FROM ticket_weekly
WHERE week >= @from_week AND week <= @to_week
  AND (week, version) IN (SELECT week, max(version) FROM ticket_weekly WHERE week >= @from_week AND week <= @to_week GROUP BY week)
GROUP BY week, account_id
