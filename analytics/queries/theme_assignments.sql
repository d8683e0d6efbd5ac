-- Every ticket's theme in a scope, with the theme's label (newest run).
SELECT tt.account_id AS account_id, tt.source AS source, tt.ticket_id AS ticket_id, tt.created_at AS created_at,
       tt.theme_id AS theme_id, th.label AS theme_label, tt.score AS score
FROM (SELECT account_id, source, ticket_id, created_at, theme_id, score FROM ticket_themes FINAL WHERE scope = @scope) AS tt
ANY LEFT JOIN (
    SELECT theme_id, label FROM themes
    WHERE scope = @scope AND run_id = (SELECT max(run_id) FROM themes WHERE scope = @scope)
) AS th USING (theme_id)
ORDER BY created_at, account_id, source, ticket_id
