-- The newest stored theme model of a scope.
SELECT run_id, created_at, model
FROM theme_models FINAL
WHERE scope = @scope
