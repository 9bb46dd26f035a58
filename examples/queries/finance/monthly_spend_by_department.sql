-- The aggregate as the pipeline maintains it: spend per department in 30-day windows.
SELECT department_code,
       window_start,
       window_end,
       total_eur,
       claims,
       largest_eur,
       round(average_eur, 2) AS average_eur
FROM finance_analytical.monthly_spend_by_department
ORDER BY window_start, department_code
