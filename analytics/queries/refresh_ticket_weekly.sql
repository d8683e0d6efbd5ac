-- Rewrites ticket_weekly for the weeks @from_week … @to_week (Mondays, by
-- creation time in UTC), one row per account, category, workload, priority
-- and language. A rating of 4 or 5 out of 5 is good; NPS answers of 9–10
-- are promoters, 0–6 detractors. SLA targets are minutes
-- per priority (@priorities, @response_targets, @resolution_targets; other
-- priorities use @default_response and @default_resolution).
INSERT INTO ticket_weekly (week, account_id, category, workload, priority, language, tickets, escalated,
    responded, response_minutes, response_in_target, response_median,
    resolved, resolution_minutes, resolution_in_target, resolution_median,
    rated, rated_good, nps_responses, promoters, detractors, sla_targets, version)
SELECT toMonday(created_at) AS w, account_id, category, workload, priority, language,
       count(), sum(escalated_to_vendor),
       count(first_response_minutes), sum(ifNull(first_response_minutes, 0)),
       countIf(ifNull(first_response_minutes, inf) <= transform(priority, @priorities, @response_targets, @default_response)),
       quantileTDigestIfState(0.5)(assumeNotNull(first_response_minutes), isNotNull(first_response_minutes)),
       count(resolution_minutes), sum(ifNull(resolution_minutes, 0)),
       countIf(ifNull(resolution_minutes, inf) <= transform(priority, @priorities, @resolution_targets, @default_resolution)),
       quantileTDigestIfState(0.5)(assumeNotNull(resolution_minutes), isNotNull(resolution_minutes)),
       count(satisfaction), countIf(ifNull(satisfaction, 0) >= 4),
       count(nps), countIf(ifNull(nps, 0) >= 9), countIf(ifNull(nps, 10) <= 6), @sla_targets, @version
FROM tickets FINAL
WHERE created_at >= toDateTime(@from_week) AND created_at < toDateTime(@to_week + 7)
GROUP BY w, account_id, category, workload, priority, language
