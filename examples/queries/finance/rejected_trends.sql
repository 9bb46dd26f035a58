-- Rejected claims per week and reason, with the departments they came from (read from the
-- original JSON where it parses): is a source getting worse?
SELECT date_trunc('week', rejected_at) AS week,
       reason,
       count(*) AS rejected,
       count(DISTINCT json_extract_scalar(record_value, '$.department')) AS departments,
       count_if(regexp_like(message, 'amount')) AS about_amount
FROM finance_rejected.expenses
WHERE rejected_at >= date_parse('2024-01-01', '%Y-%m-%d')
GROUP BY date_trunc('week', rejected_at), reason
ORDER BY week, rejected DESC, reason
