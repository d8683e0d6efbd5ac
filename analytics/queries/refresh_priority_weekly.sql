-- Rewrites priority_weekly for the weeks @from_week … @to_week from the
-- newest version of ticket_weekly: SLA counts per priority, with the median
-- states merged across accounts (-MergeState keeps them mergeable).
INSERT INTO priority_weekly (week, priority, tickets, responded, response_in_target, response_median,
    resolved, resolution_in_target, resolution_median, sla_targets, version)
SELECT week, priority, sum(tickets), sum(responded), sum(response_in_target), quantileTDigestIfMergeState(0.5)(response_median),
       sum(resolved), sum(resolution_in_target), quantileTDigestIfMergeState(0.5)(resolution_median), any(sla_targets), @version
FROM ticket_weekly
WHERE week >= @from_week AND week <= @to_week
  AND (week, version) IN (SELECT week, max(version) FROM ticket_weekly WHERE week >= @from_week AND week <= @to_week GROUP BY week)
GROUP BY week, priority
