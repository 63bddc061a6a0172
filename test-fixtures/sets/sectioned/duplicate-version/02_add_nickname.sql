-- Migration: add_nickname
-- Description: Users may give a nickname number

-- +++++ UP
ALTER TABLE users ADD COLUMN nickname VARCHAR(32);
COMMENT ON COLUMN users.nickname IS 'display name';

-- +++++ DOWN
ALTER TABLE users DROP COLUMN nickname;
