DROP TABLE IF EXISTS legacy_users;
