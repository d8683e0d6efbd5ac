-- SLA attainment per ticket priority over the weeks @from_week … @to_week:
-- responded/resolved tickets and how many met the target in force when the
-- rollup was refreshed (sla_targets says which). Reads priority_weekly.
SELECT priority, sum(tickets) AS n_tickets, sum(responded) AS n_responded, sum(response_in_target) AS n_response_in_target,
       sum(resolved) AS n_resolved, sum(resolution_in_target) AS n_resolution_in_target,
       quantileTDigestIfMerge(0.5)(response_median) AS median_response, quantileTDigestIfMerge(0.5)(resolution_median) AS median_resolution,
       any(sla_targets) AS targets
FROM priority_weekly
WHERE week >= @from_week AND week <= @to_week
  AND (week, version) IN (SELECT week, max(version) FROM priority_weekly WHERE week >= @from_week AND week <= @to_week GROUP BY week)
GROUP BY priority
ORDER BY priority
