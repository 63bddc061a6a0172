CREATE TABLE "Users" (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    "userName" text NOT NULL
);
CREATE INDEX users_name ON "Users" ("userName");
