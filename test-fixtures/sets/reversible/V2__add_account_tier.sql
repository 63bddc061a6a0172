CREATE TYPE account_tier AS ENUM ('free', 'pro');

ALTER TABLE accounts
    ADD COLUMN tier account_tier NOT NULL DEFAULT 'free';

CREATE FUNCTION account_label(a accounts) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT a.email || ';' || a.tier
$$;
