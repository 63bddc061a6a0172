UPDATE accounts SET tier = 'pro' WHERE email LIKE '%@example.com';
