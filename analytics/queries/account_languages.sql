-- Each account's main ticket language over the weeks @from_week … @to_week
-- (the language most of its tickets are written in), for course language.
SELECT account_id, argMax(language, n) AS language
FROM (
    SELECT account_id, language, sum(tickets) AS n
    FROM account_language_weekly
    WHERE week >= @from_week AND week <= @to_week
      AND (week, version) IN (SELECT week, max(version) FROM account_language_weekly WHERE week >= @from_week AND week <= @to_week GROUP BY week)
    GROUP BY account_id, language
)
GROUP BY account_id
ORDER BY account_id
