-- The newest complete set of each kind of stored finding.
SELECT kind, version, fingerprint, start_month, sessions_per_month, week
FROM findings_runs FINAL
ORDER BY kind
