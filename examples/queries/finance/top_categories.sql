-- The five categories with the most spend in euros, with how many employees claimed in each
-- (approx_distinct: Athena's HyperLogLog estimate, exact for small counts).
SELECT category,
       count(*) AS claims,
       sum(amount) AS total,
       approx_distinct(employee_id) AS approx_employees,
       count_if(description IS NULL) AS without_description
FROM finance_staging.expenses
WHERE currency = 'EUR'
GROUP BY category
ORDER BY total DESC, category
LIMIT 5
