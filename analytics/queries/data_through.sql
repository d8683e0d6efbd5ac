-- How far each kind of data went at the last rollup refresh.
SELECT kind, first, last
FROM data_through FINAL
ORDER BY kind
