package org.migrationharness.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.migrationharness.apply.Migrator;
import org.migrationharness.assertions.SchemaAssertions;
import org.migrationharness.junit.MigrationTest;
import org.migrationharness.postgres.Database;
import org.migrationharness.schema.SchemaReader;
import org.migrationharness.schema.SchemaSnapshot;

/**
 * Auth 20240101_003 (data/, the auth team's timestamped scripts): permissions.code ('catalog:write') is split into
 * resource ('catalog') and action ('write').
 */
@MigrationTest(service = "auth")
class AuthMigrationTests {

    private static final String SCHEMA = "auth_service";

    @Test
    void should_split_permission_code_into_resource_and_action(Migrator migrator, Database database) {
        migrator.migrateTo("20240101_002");
        insertPermissions(database);

        migrator.migrateTo("20240101_003");

        assertThat(database.query("SELECT code, resource, action FROM auth_service.permissions ORDER BY code"))
                .extracting(r -> r.get("code"), r -> r.get("resource"), r -> r.get("action"))
                .containsExactly(
                        tuple("catalog:read", "catalog", "read"),
                        tuple("catalog:write", "catalog", "write"),
                        tuple("order_refunds:approve", "order_refunds", "approve"));
        assertThat(database.queryForObject(Long.class, "SELECT count(*) FROM auth_service.role_permissions")).isEqualTo(3L);
    }

    @Test
    void should_reject_a_permission_whose_code_disagrees_with_resource_and_action(Migrator migrator, Database database) {
        migrator.migrateTo("20240101_003");

        assertThatThrownBy(() -> database.execute("INSERT INTO auth_service.permissions (code, resource, action)"
                + " VALUES ('catalog:write', 'catalog', 'read')"))
                .hasMessageContaining("chk_permissions_code_matches");
    }

    @Test
    void should_drop_resource_and_action_and_keep_the_codes_when_undone(Migrator migrator, Database database) {
        migrator.migrateTo("20240101_002");
        insertPermissions(database);
        migrator.migrateTo("20240101_003");

        migrator.undoTo("20240101_002");

        assertThat(database.columnNames(SCHEMA, "permissions")).doesNotContain("resource", "action");
        assertThat(database.query("SELECT code FROM auth_service.permissions ORDER BY code"))
                .extracting(r -> r.get("code"))
                .containsExactly("catalog:read", "catalog:write", "order_refunds:approve");
    }

    @Test
    void should_have_mandatory_resource_and_action_unique_together(Migrator migrator, Database database) {
        migrator.migrateAll();
        SchemaSnapshot schema = SchemaReader.read(database, List.of(SCHEMA), migrator.bookkeepingTables());

        SchemaAssertions.assertThat(schema).table("permissions")
                .hasIndex("uq_permissions_resource_action")
                .column("resource").hasType("character varying(64)").isNotNull();
        SchemaAssertions.assertThat(schema).table("permissions").column("action")
                .hasType("character varying(64)").isNotNull();
    }

    private static void insertPermissions(Database database) {
        database.execute("""
                INSERT INTO auth_service.permissions (code, description) VALUES
                    ('catalog:read', 'Browse products and categories in the back office'),
                    ('catalog:write', 'Create and edit products'),
                    ('order_refunds:approve', 'Approve refunds above the agent limit')
                """);
        database.execute("""
                INSERT INTO auth_service.roles (name, is_system) VALUES ('catalog_admin', true), ('support_lead', false)
                """);
        database.execute("""
                INSERT INTO auth_service.role_permissions (role_id, permission_id)
                SELECT r.id, p.id FROM auth_service.roles r JOIN auth_service.permissions p
                    ON (r.name = 'catalog_admin' AND p.code LIKE 'catalog:%')
                    OR (r.name = 'support_lead' AND p.code = 'order_refunds:approve')
                """);
    }
}
