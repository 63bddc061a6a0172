package org.migrationharness.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.migrationharness.testing.SharedServer;

/**
 * For every object kind and property the snapshot records: two real databases that differ only there, and the exact
 * lines the diff reports ("left" is the first database, "right" the second).
 */
@DisplayName("SchemaDiff names every kind of difference between two real databases")
class SchemaDiffTest {

    /**
     * @param description what differs
     * @param common SQL both databases run first
     * @param left SQL only the left database runs then
     * @param right SQL only the right database runs then
     * @param expected the whole {@code describe("left", "right")} text
     */
    record Case(String description, String common, String left, String right, String expected) {
        @Override
        public String toString() {
            return description;
        }
    }

    private static final String ACCOUNTS = "CREATE TABLE accounts (id bigint PRIMARY KEY, name text NOT NULL);";
    private static final String ORDERS = ACCOUNTS + " CREATE TABLE orders (id bigint PRIMARY KEY, account_id bigint, "
            + "code text, amount int);";
    private static final String FN = "CREATE FUNCTION f(a integer) RETURNS integer LANGUAGE sql AS 'SELECT a';";
    private static final String TG = "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS "
            + "'BEGIN RETURN NEW; END';";
    private static final String EVT = "CREATE FUNCTION on_ddl() RETURNS event_trigger LANGUAGE plpgsql AS "
            + "'BEGIN END';";
    private static final String EVENTS = "CREATE TABLE events (id int, at date NOT NULL) PARTITION BY RANGE (at);";
    private static final String R = Build.ROLE;
    /** A table in public and an empty second schema b. */
    private static final String TWO = "CREATE SCHEMA b; CREATE TABLE t (id int);";

    static Stream<Case> cases() {
        return Stream.of(
                // schemas
                new Case("schema present", "", "", "CREATE SCHEMA extra",
                        "schema extra: present right, absent left"),
                new Case("schema comment", "", "", "COMMENT ON SCHEMA public IS 'the app'",
                        "schema public: comment standard public schema -> the app"),
                new Case("schema privileges", "", "", "GRANT CREATE ON SCHEMA public TO " + R,
                        "schema public: privileges [PUBLIC: USAGE] -> [PUBLIC: USAGE, " + R + ": CREATE]"),
                // names are qualified as soon as objects of any kind lie in a second schema
                new Case("enum in a second schema", TWO, "", "CREATE TYPE b.e AS ENUM ('x')",
                        "type b.e: present right, absent left"),
                new Case("composite type in a second schema", TWO, "", "CREATE TYPE b.c AS (x int)",
                        "type b.c: present right, absent left"),
                new Case("domain in a second schema", TWO, "", "CREATE DOMAIN b.d AS int",
                        "domain b.d: present right, absent left"),
                new Case("sequence in a second schema", TWO, "", "CREATE SEQUENCE b.s",
                        "sequence b.s: present right, absent left"),
                new Case("view in a second schema", TWO, "", "CREATE VIEW b.v AS SELECT 1 AS x",
                        "view b.v: present right, absent left"),
                new Case("function in a second schema", TWO, "", "CREATE FUNCTION b.f() RETURNS int LANGUAGE sql AS 'SELECT 1'",
                        "function b.f(): present right, absent left"),
                new Case("table in a second schema", "CREATE SCHEMA b; CREATE TYPE e AS ENUM ('x');", "",
                        "CREATE TABLE b.t (id int)", "table b.t: present right, absent left"),
                // tables
                new Case("table present", "", "", ACCOUNTS, """
                        table accounts: present right, absent left"""),
                new Case("table present on the left only", "", ACCOUNTS, "", "table accounts: present left, absent right"),
                new Case("unlogged table", "", "CREATE TABLE t (id int)", "CREATE UNLOGGED TABLE t (id int)",
                        "table t: persistence logged -> unlogged"),
                new Case("partition key", "", "CREATE TABLE e (id int, at date) PARTITION BY RANGE (at)",
                        "CREATE TABLE e (id int, at date) PARTITION BY LIST (at)",
                        "table e: partition key RANGE (at) -> LIST (at)"),
                new Case("partition present", EVENTS, "",
                        "CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
                        "table events_2024: present right, absent left"),
                new Case("partition bound", EVENTS,
                        "CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
                        "CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2024-07-01')",
                        "table events_2024: partition bound FOR VALUES FROM ('2024-01-01') TO ('2025-01-01') "
                                + "-> FOR VALUES FROM ('2024-01-01') TO ('2024-07-01')"),
                new Case("partition detached", EVENTS
                        + "CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
                        "", "ALTER TABLE events DETACH PARTITION events_2024", """
                        table events_2024: partition of public.events -> (none)
                        table events_2024: partition bound FOR VALUES FROM ('2024-01-01') TO ('2025-01-01') -> (none)"""),
                new Case("inheritance", "CREATE TABLE base (id int); CREATE TABLE child (id int);", "",
                        "ALTER TABLE child INHERIT base", "table child: inherits (none) -> [public.base]"),
                new Case("table options", "CREATE TABLE t (id int)", "", "ALTER TABLE t SET (fillfactor = 70)",
                        "table t: options (none) -> [fillfactor=70]"),
                new Case("row security", "CREATE TABLE t (id int)", "", "ALTER TABLE t ENABLE ROW LEVEL SECURITY",
                        "table t: row security disabled -> enabled"),
                new Case("forced row security", "CREATE TABLE t (id int)", "", "ALTER TABLE t FORCE ROW LEVEL SECURITY",
                        "table t: force row security not forced -> forced"),
                new Case("table comment", "CREATE TABLE t (id int)", "COMMENT ON TABLE t IS 'old'",
                        "COMMENT ON TABLE t IS 'new'", "table t: comment old -> new"),
                new Case("table privileges", "CREATE TABLE t (id int)", "", "GRANT SELECT, UPDATE ON t TO " + R,
                        "table t: privileges (none) -> [" + R + ": SELECT, " + R + ": UPDATE]"),
                new Case("table privilege revoked from the owner", "CREATE TABLE t (id int)", "",
                        "REVOKE TRUNCATE ON t FROM CURRENT_USER",
                        "table t: privileges (none) -> [owner: TRUNCATE revoked]"),
                new Case("excluded table is ignored", "", "", "CREATE TABLE flyway_schema_history (id int)", ""),
                // columns
                new Case("column present", ACCOUNTS, "", "ALTER TABLE accounts ADD COLUMN email text",
                        "table accounts: column email: present right, absent left (text)"),
                new Case("column present on the left only", ACCOUNTS, "ALTER TABLE accounts ADD COLUMN email text", "",
                        "table accounts: column email: present left, absent right (text)"),
                new Case("column type", "", "CREATE TABLE p (sku text)", "CREATE TABLE p (sku varchar(64))",
                        "table p: column sku: type text -> character varying(64)"),
                new Case("column nullability", ACCOUNTS, "", "ALTER TABLE accounts ALTER COLUMN name DROP NOT NULL",
                        "table accounts: column name: nullability not null -> nullable"),
                new Case("column default", "CREATE TABLE accounts (status varchar(16))",
                        "ALTER TABLE accounts ALTER COLUMN status SET DEFAULT 'active'", "",
                        "table accounts: column status: default 'active'::character varying -> (none)"),
                new Case("identity column", "", "CREATE TABLE t (id int GENERATED ALWAYS AS IDENTITY)",
                        "CREATE TABLE t (id int GENERATED BY DEFAULT AS IDENTITY)",
                        "table t: column id: identity always -> by default"),
                new Case("generated column", "", "CREATE TABLE t (a int, b int GENERATED ALWAYS AS (a * 2) STORED)",
                        "CREATE TABLE t (a int, b int GENERATED ALWAYS AS (a * 3) STORED)",
                        "table t: column b: generated (a * 2) -> (a * 3)"),
                new Case("column collation", "", "CREATE TABLE t (name text)", "CREATE TABLE t (name text COLLATE \"C\")",
                        "table t: column name: collation (none) -> C"),
                new Case("column comment", ACCOUNTS, "", "COMMENT ON COLUMN accounts.name IS 'display name'",
                        "table accounts: column name: comment (none) -> display name"),
                new Case("column privileges", ACCOUNTS, "", "GRANT UPDATE (name) ON accounts TO " + R,
                        "table accounts: column name: privileges (none) -> [" + R + ": UPDATE]"),
                new Case("column order", "", "CREATE TABLE t (a int, b int, c int)", "CREATE TABLE t (a int, c int, b int)",
                        "table t: column order [a, b, c] -> [a, c, b]"),
                // constraints
                new Case("primary key present", "CREATE TABLE t (id int NOT NULL)", "", "ALTER TABLE t ADD PRIMARY KEY (id)", """
                        table t: constraint t_pkey: present right, absent left (PRIMARY KEY (id))
                        table t: index t_pkey: present right, absent left (CREATE UNIQUE INDEX t_pkey ON public.t USING btree (id))"""),
                new Case("primary key columns", "", "CREATE TABLE t (a int, b int, CONSTRAINT pk PRIMARY KEY (a))",
                        "CREATE TABLE t (a int, b int, CONSTRAINT pk PRIMARY KEY (a, b))", """
                        table t: column b: nullability nullable -> not null
                        table t: constraint pk: columns [a] -> [a, b]
                        table t: index pk: keys [a] -> [a, b]"""),
                new Case("check constraint present on the left only", ORDERS,
                        "ALTER TABLE orders ADD CONSTRAINT chk_amount CHECK (amount > 0)", "",
                        "table orders: constraint chk_amount: present left, absent right (CHECK ((amount > 0)))"),
                new Case("unique constraint", ORDERS, "", "ALTER TABLE orders ADD CONSTRAINT uq_code UNIQUE (code)", """
                        table orders: constraint uq_code: present right, absent left (UNIQUE (code))
                        table orders: index uq_code: present right, absent left (CREATE UNIQUE INDEX uq_code ON public.orders USING btree (code))"""),
                new Case("foreign key target columns", ORDERS + "ALTER TABLE accounts ADD UNIQUE (name);",
                        "ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (account_id) REFERENCES accounts (id)",
                        "ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (code) REFERENCES accounts (name)", """
                        table orders: constraint fk: columns [account_id] -> [code]
                        table orders: constraint fk: referenced columns [id] -> [name]"""),
                new Case("foreign key target table", ORDERS + "CREATE TABLE customers (id bigint PRIMARY KEY);",
                        "ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (account_id) REFERENCES accounts",
                        "ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (account_id) REFERENCES customers",
                        "table orders: constraint fk: references public.accounts -> public.customers"),
                new Case("foreign key on delete", ORDERS,
                        "ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (account_id) REFERENCES accounts",
                        "ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (account_id) REFERENCES accounts ON DELETE CASCADE",
                        "table orders: constraint fk: on delete no action -> cascade"),
                new Case("foreign key on update", ORDERS,
                        "ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (account_id) REFERENCES accounts ON UPDATE RESTRICT",
                        "ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (account_id) REFERENCES accounts ON UPDATE SET NULL",
                        "table orders: constraint fk: on update restrict -> set null"),
                new Case("foreign key match", ORDERS,
                        "ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (account_id) REFERENCES accounts",
                        "ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (account_id) REFERENCES accounts MATCH FULL",
                        "table orders: constraint fk: match simple -> full"),
                new Case("foreign key deferrable", ORDERS,
                        "ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (account_id) REFERENCES accounts",
                        "ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (account_id) REFERENCES accounts DEFERRABLE",
                        "table orders: constraint fk: deferrable not deferrable -> deferrable initially immediate"),
                new Case("foreign key initially deferred", ORDERS,
                        "ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (account_id) REFERENCES accounts DEFERRABLE",
                        "ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (account_id) REFERENCES accounts "
                                + "DEFERRABLE INITIALLY DEFERRED",
                        "table orders: constraint fk: deferrable deferrable initially immediate "
                                + "-> deferrable initially deferred"),
                new Case("foreign key not valid", ORDERS,
                        "ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (account_id) REFERENCES accounts",
                        "ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (account_id) REFERENCES accounts NOT VALID",
                        "table orders: constraint fk: validated valid -> not valid"),
                new Case("check expression", ORDERS, "ALTER TABLE orders ADD CONSTRAINT ck CHECK (amount > 0)",
                        "ALTER TABLE orders ADD CONSTRAINT ck CHECK (amount >= 0)",
                        "table orders: constraint ck: definition CHECK ((amount > 0)) -> CHECK ((amount >= 0))"),
                new Case("exclusion constraint", "CREATE TABLE booking (during tsrange)", "",
                        "ALTER TABLE booking ADD CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&)", """
                        table booking: constraint no_overlap: present right, absent left (EXCLUDE USING gist (during WITH &&))
                        table booking: index no_overlap: present right, absent left (CREATE INDEX no_overlap ON public.booking USING gist (during))"""),
                new Case("constraint comment", ORDERS + "ALTER TABLE orders ADD CONSTRAINT ck CHECK (amount > 0);", "",
                        "COMMENT ON CONSTRAINT ck ON orders IS 'positive'",
                        "table orders: constraint ck: comment (none) -> positive"),
                // indexes
                new Case("index present", ORDERS, "", "CREATE INDEX idx_code ON orders (code)",
                        "table orders: index idx_code: present right, absent left "
                                + "(CREATE INDEX idx_code ON public.orders USING btree (code))"),
                new Case("index present on the left only", ORDERS, "CREATE INDEX idx_code ON orders (code)", "",
                        "table orders: index idx_code: present left, absent right "
                                + "(CREATE INDEX idx_code ON public.orders USING btree (code))"),
                new Case("index method", ORDERS, "CREATE INDEX idx_code ON orders (code)",
                        "CREATE INDEX idx_code ON orders USING hash (code)",
                        "table orders: index idx_code: method btree -> hash"),
                new Case("index keys and expressions", ORDERS, "CREATE INDEX idx_code ON orders (code)",
                        "CREATE INDEX idx_code ON orders (lower(code), amount)",
                        "table orders: index idx_code: keys [code] -> [lower(code), amount]"),
                new Case("index uniqueness", ORDERS, "CREATE INDEX idx_code ON orders (code)",
                        "CREATE UNIQUE INDEX idx_code ON orders (code)",
                        "table orders: index idx_code: unique not unique -> unique"),
                new Case("partial index predicate", ORDERS, "CREATE INDEX idx_code ON orders (code)",
                        "CREATE INDEX idx_code ON orders (code) WHERE amount > 0",
                        "table orders: index idx_code: predicate (none) -> amount > 0"),
                new Case("index include", ORDERS, "CREATE INDEX idx_code ON orders (code)",
                        "CREATE INDEX idx_code ON orders (code) INCLUDE (amount)",
                        "table orders: index idx_code: include (none) -> [amount]"),
                new Case("index sort order (only the definition says)", ORDERS, "CREATE INDEX idx_code ON orders (code)",
                        "CREATE INDEX idx_code ON orders (code DESC)",
                        "table orders: index idx_code: definition CREATE INDEX idx_code ON public.orders USING btree (code) "
                                + "-> CREATE INDEX idx_code ON public.orders USING btree (code DESC)"),
                new Case("invalid index", ORDERS + "CREATE INDEX idx_code ON orders (code);", "",
                        "UPDATE pg_index SET indisvalid = false WHERE indexrelid = 'idx_code'::regclass",
                        "table orders: index idx_code: validity valid -> invalid"),
                new Case("index comment", ORDERS + "CREATE INDEX idx_code ON orders (code);", "",
                        "COMMENT ON INDEX idx_code IS 'lookup'", "table orders: index idx_code: comment (none) -> lookup"),
                // sequences
                new Case("sequence present", "", "", "CREATE SEQUENCE order_number",
                        "sequence order_number: present right, absent left"),
                new Case("sequence type", "", "CREATE SEQUENCE s AS integer", "CREATE SEQUENCE s AS bigint", """
                        sequence s: type integer -> bigint
                        sequence s: max 2147483647 -> 9223372036854775807"""),
                new Case("sequence start", "", "CREATE SEQUENCE s", "CREATE SEQUENCE s START 1000",
                        "sequence s: start 1 -> 1000"),
                new Case("sequence increment", "", "CREATE SEQUENCE s", "CREATE SEQUENCE s INCREMENT 10",
                        "sequence s: increment 1 -> 10"),
                new Case("sequence min and max", "", "CREATE SEQUENCE s", "CREATE SEQUENCE s MINVALUE 0 MAXVALUE 99 START 1", """
                        sequence s: min 1 -> 0
                        sequence s: max 9223372036854775807 -> 99"""),
                new Case("sequence cache", "", "CREATE SEQUENCE s", "CREATE SEQUENCE s CACHE 20",
                        "sequence s: cache 1 -> 20"),
                new Case("sequence cycle", "", "CREATE SEQUENCE s", "CREATE SEQUENCE s CYCLE",
                        "sequence s: cycle no cycle -> cycle"),
                new Case("sequence owned by", ORDERS + "CREATE SEQUENCE s;", "", "ALTER SEQUENCE s OWNED BY orders.code",
                        "sequence s: owned by (none) -> public.orders.code"),
                new Case("sequence comment", "CREATE SEQUENCE s", "", "COMMENT ON SEQUENCE s IS 'numbers'",
                        "sequence s: comment (none) -> numbers"),
                new Case("sequence privileges", "CREATE SEQUENCE s", "", "GRANT USAGE ON SEQUENCE s TO " + R,
                        "sequence s: privileges (none) -> [" + R + ": USAGE]"),
                // views
                new Case("view definition", ACCOUNTS, "CREATE VIEW v AS SELECT id FROM accounts",
                        "CREATE VIEW v AS SELECT id FROM accounts WHERE id > 0",
                        byVersion("view v: definition SELECT id FROM public.accounts; "
                                        + "-> SELECT id FROM public.accounts WHERE id > 0;",
                                "view v: definition SELECT accounts.id FROM public.accounts; "
                                        + "-> SELECT accounts.id FROM public.accounts WHERE accounts.id > 0;")),
                new Case("materialized view", ACCOUNTS, "CREATE VIEW v AS SELECT id FROM accounts",
                        "CREATE MATERIALIZED VIEW v AS SELECT id FROM accounts", """
                        materialized view v: present right, absent left
                        view v: present left, absent right"""),
                new Case("materialized view index", ACCOUNTS + "CREATE MATERIALIZED VIEW mv AS SELECT id FROM accounts;",
                        "", "CREATE UNIQUE INDEX mv_id ON mv (id)",
                        "materialized view mv: index mv_id: present right, absent left "
                                + "(CREATE UNIQUE INDEX mv_id ON public.mv USING btree (id))"),
                new Case("view options", ACCOUNTS + "CREATE VIEW v AS SELECT id FROM accounts;", "",
                        "ALTER VIEW v SET (security_barrier = true)", "view v: options (none) -> [security_barrier=true]"),
                new Case("view column", ACCOUNTS, "CREATE VIEW v AS SELECT id FROM accounts",
                        "CREATE VIEW v AS SELECT id, name FROM accounts", byVersion("""
                        view v: definition SELECT id FROM public.accounts; -> SELECT id, name FROM public.accounts;
                        view v: column name: present right, absent left (text)""", """
                        view v: definition SELECT accounts.id FROM public.accounts; -> SELECT accounts.id, accounts.name FROM public.accounts;
                        view v: column name: present right, absent left (text)""")),
                new Case("view trigger present", ACCOUNTS + TG + "CREATE VIEW v AS SELECT id FROM accounts;", "",
                        "CREATE TRIGGER vt INSTEAD OF INSERT ON v FOR EACH ROW EXECUTE FUNCTION touch()",
                        "view v: trigger vt: present right, absent left (CREATE TRIGGER vt INSTEAD OF INSERT ON public.v"
                                + " FOR EACH ROW EXECUTE FUNCTION public.touch())"),
                new Case("view comment", ACCOUNTS + "CREATE VIEW v AS SELECT id FROM accounts;", "",
                        "COMMENT ON VIEW v IS 'ids'", "view v: comment (none) -> ids"),
                new Case("view privileges", ACCOUNTS + "CREATE VIEW v AS SELECT id FROM accounts;", "",
                        "GRANT SELECT ON v TO " + R, "view v: privileges (none) -> [" + R + ": SELECT]"),
                // functions and procedures
                new Case("function present", "", "", FN, "function f(a integer): present right, absent left"),
                new Case("function overload", FN, "", "CREATE FUNCTION f(a text) RETURNS text LANGUAGE sql AS 'SELECT a'",
                        "function f(a text): present right, absent left"),
                new Case("function result type", "", FN,
                        "CREATE FUNCTION f(a integer) RETURNS bigint LANGUAGE sql AS 'SELECT a'",
                        "function f(a integer): result integer -> bigint"),
                new Case("function language", "", FN,
                        "CREATE FUNCTION f(a integer) RETURNS integer LANGUAGE plpgsql AS 'BEGIN RETURN a; END'", """
                        function f(a integer): language sql -> plpgsql
                        function f(a integer): body SELECT a -> BEGIN RETURN a; END"""),
                new Case("function volatility", FN, "", "ALTER FUNCTION f(integer) STABLE",
                        "function f(a integer): volatility volatile -> stable"),
                new Case("function strictness", FN, "", "ALTER FUNCTION f(integer) STRICT",
                        "function f(a integer): strict called on null input -> strict"),
                new Case("function security definer", FN, "", "ALTER FUNCTION f(integer) SECURITY DEFINER",
                        "function f(a integer): security invoker -> definer"),
                new Case("function configuration", FN, "", "ALTER FUNCTION f(integer) SET search_path = public",
                        "function f(a integer): config (none) -> [search_path=public]"),
                new Case("function body", "", FN, "CREATE FUNCTION f(a integer) RETURNS integer LANGUAGE sql AS 'SELECT a + 1'",
                        "function f(a integer): body SELECT a -> SELECT a + 1"),
                new Case("function comment", FN, "", "COMMENT ON FUNCTION f(integer) IS 'identity'",
                        "function f(a integer): comment (none) -> identity"),
                new Case("function privileges", FN, "", "REVOKE EXECUTE ON FUNCTION f(integer) FROM PUBLIC",
                        "function f(a integer): privileges (none) -> [PUBLIC: EXECUTE revoked]"),
                new Case("procedure present", "", "", "CREATE PROCEDURE p(n int) LANGUAGE sql AS 'SELECT 1'",
                        "procedure p(IN n integer): present right, absent left"),
                // triggers
                new Case("trigger present", ORDERS + TG, "",
                        "CREATE TRIGGER t BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch()",
                        "table orders: trigger t: present right, absent left (CREATE TRIGGER t BEFORE UPDATE ON "
                                + "public.orders FOR EACH ROW EXECUTE FUNCTION public.touch())"),
                new Case("trigger definition", ORDERS + TG,
                        "CREATE TRIGGER t BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch()",
                        "CREATE TRIGGER t AFTER UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch()",
                        "table orders: trigger t: definition CREATE TRIGGER t BEFORE UPDATE ON public.orders... "
                                + "-> CREATE TRIGGER t AFTER UPDATE ON public.orders..."),
                new Case("trigger enabled state", ORDERS + TG
                        + "CREATE TRIGGER t BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch();", "",
                        "ALTER TABLE orders DISABLE TRIGGER t", "table orders: trigger t: enabled enabled -> disabled"),
                new Case("trigger comment", ORDERS + TG
                        + "CREATE TRIGGER t BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch();", "",
                        "COMMENT ON TRIGGER t ON orders IS 'audit'", "table orders: trigger t: comment (none) -> audit"),
                // event triggers (database-wide)
                new Case("event trigger present", EVT, "", "CREATE EVENT TRIGGER audit_ddl ON ddl_command_end "
                        + "EXECUTE FUNCTION on_ddl()", "event trigger audit_ddl: present right, absent left"),
                new Case("event trigger enabled state", EVT
                        + "CREATE EVENT TRIGGER audit_ddl ON ddl_command_end EXECUTE FUNCTION on_ddl();", "",
                        "ALTER EVENT TRIGGER audit_ddl DISABLE", "event trigger audit_ddl: enabled enabled -> disabled"),
                // types
                new Case("enum present", "", "", "CREATE TYPE account_tier AS ENUM ('free')",
                        "type account_tier: present right, absent left"),
                new Case("enum label added", "CREATE TYPE tier AS ENUM ('free', 'pro')", "",
                        "ALTER TYPE tier ADD VALUE 'enterprise'", "type tier: labels [free, pro] -> [free, pro, enterprise]"),
                new Case("enum label order", "", "CREATE TYPE tier AS ENUM ('free', 'pro', 'team')",
                        "CREATE TYPE tier AS ENUM ('free', 'team', 'pro')",
                        "type tier: labels [free, pro, team] -> [free, team, pro]"),
                new Case("enum comment", "CREATE TYPE tier AS ENUM ('free')", "", "COMMENT ON TYPE tier IS 'plans'",
                        "type tier: comment (none) -> plans"),
                new Case("composite attribute type", "", "CREATE TYPE money_amount AS (amount numeric, currency text)",
                        "CREATE TYPE money_amount AS (amount numeric(12,2), currency text)",
                        "type money_amount: attribute amount: type numeric -> numeric(12,2)"),
                new Case("composite attribute added", "CREATE TYPE money_amount AS (amount numeric)", "",
                        "ALTER TYPE money_amount ADD ATTRIBUTE currency text",
                        "type money_amount: attribute currency: present right, absent left (text)"),
                new Case("domain base type", "", "CREATE DOMAIN email AS text", "CREATE DOMAIN email AS varchar(320)",
                        "domain email: base type text -> character varying(320)"),
                new Case("domain default", "CREATE DOMAIN email AS text", "", "ALTER DOMAIN email SET DEFAULT 'none'",
                        "domain email: default (none) -> 'none'::text"),
                new Case("domain not null", "CREATE DOMAIN email AS text", "", "ALTER DOMAIN email SET NOT NULL",
                        "domain email: nullability nullable -> not null"),
                new Case("domain constraint", "CREATE DOMAIN email AS text", "",
                        "ALTER DOMAIN email ADD CONSTRAINT has_at CHECK (VALUE LIKE '%@%')",
                        "domain email: constraint has_at: present right, absent left (CHECK ((VALUE ~~ '%@%'::text)))"),
                new Case("domain constraint not valid", "CREATE DOMAIN email AS text",
                        "ALTER DOMAIN email ADD CONSTRAINT has_at CHECK (VALUE LIKE '%@%')",
                        "ALTER DOMAIN email ADD CONSTRAINT has_at CHECK (VALUE LIKE '%@%') NOT VALID", """
                        domain email: constraint has_at: definition CHECK ((VALUE ~~ '%@%'::text)) -> CHECK ((VALUE ~~ '%@%'::text)) NOT VALID
                        domain email: constraint has_at: validated valid -> not valid"""),
                // extensions (database-wide)
                new Case("extension present", "", "", "CREATE EXTENSION pgcrypto",
                        "extension pgcrypto: present right, absent left"),
                // policies
                new Case("policy present", ORDERS, "", "CREATE POLICY own ON orders USING (amount > 0)",
                        "table orders: policy own: present right, absent left (ALL to [PUBLIC])"),
                new Case("policy command", ORDERS, "CREATE POLICY own ON orders USING (amount > 0)",
                        "CREATE POLICY own ON orders FOR SELECT USING (amount > 0)",
                        "table orders: policy own: command ALL -> SELECT"),
                new Case("policy permissive", ORDERS, "CREATE POLICY own ON orders USING (amount > 0)",
                        "CREATE POLICY own ON orders AS RESTRICTIVE USING (amount > 0)",
                        "table orders: policy own: permissive permissive -> restrictive"),
                new Case("policy roles", ORDERS, "CREATE POLICY own ON orders USING (amount > 0)",
                        "CREATE POLICY own ON orders TO " + R + " USING (amount > 0)",
                        "table orders: policy own: roles [PUBLIC] -> [" + R + "]"),
                new Case("policy using", ORDERS, "CREATE POLICY own ON orders USING (amount > 0)",
                        "CREATE POLICY own ON orders USING (amount > 10)",
                        "table orders: policy own: using (amount > 0) -> (amount > 10)"),
                new Case("policy with check", ORDERS, "CREATE POLICY own ON orders USING (amount > 0)",
                        "CREATE POLICY own ON orders USING (amount > 0) WITH CHECK (amount < 100)",
                        "table orders: policy own: with check (none) -> (amount < 100)"));
    }

    /** PostgreSQL 16 stopped qualifying column names in single-table view definitions. */
    private static String byVersion(String from16, String before16) {
        return SharedServer.get().majorVersion() >= 16 ? from16 : before16;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void should_report_exactly_the_difference(Case c) {
        SchemaSnapshot left = Build.snapshot(c.common(), c.left());
        SchemaSnapshot right = Build.snapshot(c.common(), c.right());

        SchemaDiff diff = SchemaDiff.between(left, right);

        assertThat(diff.describe("left", "right")).isEqualTo(c.expected());
        assertThat(diff.isEmpty()).isEqualTo(c.expected().isEmpty());
    }

    @Test
    void should_set_a_moved_column_apart_from_the_other_differences_of_the_same_column() {
        SchemaSnapshot left = Build.snapshot("CREATE TABLE t (a int, b varchar(32), c int)");
        SchemaSnapshot right = Build.snapshot("CREATE TABLE t (a int, c int, b text)");

        SchemaDiff diff = SchemaDiff.between(left, right);

        assertThat(diff.differences()).extracting(Difference::kind)
                .containsExactly(Difference.Kind.COLUMN_ORDER, Difference.Kind.DEFINITION);
        assertThat(diff.of(Difference.Kind.COLUMN_ORDER).describe("left", "right"))
                .isEqualTo("table t: column order [a, b, c] -> [a, c, b]");
        assertThat(diff.of(Difference.Kind.DEFINITION).describe("left", "right"))
                .isEqualTo("table t: column b: type character varying(32) -> text");
    }

    @Test
    void should_qualify_names_only_when_the_objects_lie_in_more_than_one_schema() {
        String ledger = "CREATE SCHEMA ledger; CREATE TABLE ledger.entries (id int);";
        SchemaSnapshot left = Build.snapshot(ledger);

        assertThat(SchemaDiff.between(left, Build.snapshot("CREATE SCHEMA ledger; CREATE TABLE ledger.entries (id bigint)"))
                .describe("left", "right")).isEqualTo("table entries: column id: type integer -> bigint");
        assertThat(SchemaDiff.between(left, Build.snapshot(ledger, "CREATE TABLE public.entries_backup (id int)"))
                .describe("left", "right")).isEqualTo("table public.entries_backup: present right, absent left");
    }

    @Test
    void should_keep_the_attribute_order_of_a_composite_type_a_difference_of_definition() {
        SchemaSnapshot left = Build.snapshot("CREATE TYPE money_amount AS (amount numeric, currency text)");
        SchemaSnapshot right = Build.snapshot("CREATE TYPE money_amount AS (currency text, amount numeric)");

        SchemaDiff diff = SchemaDiff.between(left, right);

        assertThat(diff.of(Difference.Kind.COLUMN_ORDER).isEmpty()).isTrue();
        assertThat(diff.of(Difference.Kind.DEFINITION).describe("left", "right"))
                .isEqualTo("type money_amount: attribute order [amount, currency] -> [currency, amount]");
    }
}
