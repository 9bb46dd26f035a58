-- The aggregate as the pipeline maintains it: spend per department in 30-day windows. The lake
-- keeps every change of a window's row (a change log); the greatest revision is the current row.
SELECT department_code,
       window_start,
       window_end,
       total_eur,
       claims,
       largest_eur,
       round(average_eur, 2) AS average_eur
FROM (
  SELECT *,
         row_number() OVER (PARTITION BY department_code, window_start ORDER BY revision DESC) AS newest
  FROM finance_analytical.monthly_spend_by_department
) changes
WHERE newest = 1
ORDER BY window_start, department_code
