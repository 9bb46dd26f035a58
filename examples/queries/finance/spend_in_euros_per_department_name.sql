-- Spend per department name and month, in euros: canonical expenses (claims and card payments
-- resolved into one) joined to the departments hr publishes to finance (analytical expense_facts).
SELECT department_name,
       date_format(submitted_at, '%Y-%m') AS month,
       count(*) AS expenses,
       sum(amount_eur) AS total_eur
FROM finance_analytical.expense_facts
GROUP BY department_name, date_format(submitted_at, '%Y-%m')
ORDER BY month, total_eur DESC, department_name
