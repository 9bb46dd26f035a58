-- Expenses that changed after they first arrived: every version in the ods change log against
-- the current one, with how much the amount moved.
SELECT c.expense_id,
       count(*) AS versions,
       min(v.amount_eur) AS first_amount_eur,
       max_by(v.amount_eur, v.submitted_at) AS current_amount_eur
FROM finance_ods.expense v
JOIN finance_ods.expense_current c ON c.expense_id = v.expense_id
GROUP BY c.expense_id
HAVING count(*) > 1
ORDER BY c.expense_id
LIMIT 20
