-- Where each canonical expense came from, now: the latest version per expense id
-- (finance_ods.expense is a change log; expense_current keeps the newest row per key).
SELECT source_system,
       count(*) AS expenses,
       sum(amount_eur) AS total_eur,
       count_if(currency <> 'EUR') AS converted
FROM finance_ods.expense_current
GROUP BY source_system
ORDER BY source_system
