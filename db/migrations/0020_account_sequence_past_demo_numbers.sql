-- The demo seed gave its clients fixed account numbers inside the year's sequence (`MO-US-30-269001`…), so
-- after 9,000 signups in that year the sequence reached them and each of those signups failed on the unique
-- account number (a 500). The seed now takes them from the sequence; databases seeded before move each
-- year's sequence past the highest number already issued with that year's digits.
UPDATE account_number_sequences s
   SET last_value = greatest(s.last_value, taken.max_value)
  FROM (SELECT q.year, max(q.n) AS max_value
          FROM account_number_sequences q0
          CROSS JOIN LATERAL (
            SELECT q0.year,
                   substring(u.account_number FROM
                     '^[A-Z]+-[A-Z0-9]+-[0-9]{2}-' || lpad((q0.year % 100)::text, 2, '0') || '([0-9]{4,9})$')::bigint AS n
              FROM users u
             WHERE u.account_number IS NOT NULL) q
         WHERE q.n IS NOT NULL
         GROUP BY q.year) taken
 WHERE taken.year = s.year;
