-- Marks a set of stored findings complete (after its rows are written).
INSERT INTO findings_runs (kind, version, fingerprint, start_month, sessions_per_month, week, computed_at)
SELECT @kind, @version, @fingerprint, @start_month, @sessions_per_month, @week, now()
