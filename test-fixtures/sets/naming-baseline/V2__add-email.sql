ALTER TABLE "Users" ADD COLUMN email text;
ALTER TABLE "Users" ADD CONSTRAINT email_unique UNIQUE (email);
