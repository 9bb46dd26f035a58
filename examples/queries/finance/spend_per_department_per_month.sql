-- Spend per department and month, in each currency: what finance reports every month-end.
-- Runs unchanged in Athena, on the local Trino and on the local DuckDB (tributary sql -f ...).
SELECT department,
       date_format(submitted_at, '%Y-%m') AS month,
       currency,
       count(*) AS claims,
       sum(amount) AS total,
       max(amount) AS largest
FROM finance_staging.expenses
GROUP BY department, date_format(submitted_at, '%Y-%m'), currency
ORDER BY month, department, currency
