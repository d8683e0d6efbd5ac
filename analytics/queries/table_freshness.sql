-- Rows, accounts and covered dates per data table as of the last rollup
-- refresh (table_status, written by refresh_table_status).
SELECT table_name, row_count, account_count, first_day, last_day, refreshed_at
FROM table_status FINAL
ORDER BY position
