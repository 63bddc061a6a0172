-- Migration: add_user_status
-- Description: the DOWN section forgets the type

-- +++++ UP
CREATE TYPE user_status AS ENUM ('active', 'locked');
ALTER TABLE users ADD COLUMN status user_status NOT NULL DEFAULT 'active';

-- +++++ DOWN
ALTER TABLE users DROP COLUMN status;
