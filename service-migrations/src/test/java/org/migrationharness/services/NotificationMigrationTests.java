package org.migrationharness.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.migrationharness.apply.Migrator;
import org.migrationharness.assertions.SchemaAssertions;
import org.migrationharness.junit.MigrationTest;
import org.migrationharness.postgres.Database;
import org.migrationharness.schema.SchemaReader;
import org.migrationharness.schema.SchemaSnapshot;

/** Notification V3: template locales move from POSIX style (en_US) to BCP 47 tags (en-US); U3 moves them back. */
@MigrationTest(service = "notification")
class NotificationMigrationTests {

    private static final String SCHEMA = "notification_service";

    @Test
    void should_normalize_template_locales_to_bcp47(Migrator migrator, Database database) {
        migrator.migrateTo("2");
        insertTemplates(database);

        migrator.migrateTo("3");

        assertThat(database.query("SELECT code, channel::text AS channel, locale"
                + " FROM notification_service.notification_templates ORDER BY code, channel, locale"))
                .extracting(r -> r.get("code"), r -> r.get("channel"), r -> r.get("locale"))
                .containsExactly(
                        tuple("order_confirmed", "email", "de"),
                        tuple("order_confirmed", "email", "de-DE"),
                        tuple("order_confirmed", "email", "en-US"),
                        tuple("order_confirmed", "sms", "en-US"),
                        tuple("shipment_sent", "push", "pt-BR"));
        assertThat(database.queryForObject(String.class, "INSERT INTO notification_service.notification_templates"
                + " (code, channel, body) VALUES ('password_reset', 'sms', 'Your code is {{code}}') RETURNING locale"))
                .isEqualTo("en-US");
    }

    @Test
    void should_restore_posix_locales_when_undone(Migrator migrator, Database database) {
        migrator.migrateTo("2");
        insertTemplates(database);
        migrator.migrateTo("3");
        database.execute("INSERT INTO notification_service.notification_templates (code, channel, locale, body)"
                + " VALUES ('password_reset', 'sms', 'fr-FR', 'Votre code : {{code}}')");

        migrator.undoTo("2");

        assertThat(database.query("SELECT code, channel::text AS channel, locale"
                + " FROM notification_service.notification_templates ORDER BY code, channel, locale"))
                .extracting(r -> r.get("code"), r -> r.get("channel"), r -> r.get("locale"))
                .containsExactly(
                        tuple("order_confirmed", "email", "de"),
                        tuple("order_confirmed", "email", "de_DE"),
                        tuple("order_confirmed", "email", "en_US"),
                        tuple("order_confirmed", "sms", "en_US"),
                        tuple("password_reset", "sms", "fr_FR"),
                        tuple("shipment_sent", "push", "pt_BR"));
        assertThat(database.queryForObject(String.class, "INSERT INTO notification_service.notification_templates"
                + " (code, channel, body) VALUES ('password_reset', 'push', 'Reset your password') RETURNING locale"))
                .isEqualTo("en_US");
    }

    @Test
    void should_default_template_locale_to_en_us_and_keep_the_channel_enum(Migrator migrator, Database database) {
        migrator.migrateAll();
        SchemaSnapshot schema = SchemaReader.read(database, List.of(SCHEMA), migrator.bookkeepingTables());

        SchemaAssertions.assertThat(schema).hasEnum("notification_channel", "email", "sms", "push");
        SchemaAssertions.assertThat(schema).table("notification_templates").column("locale")
                .hasType("character varying(10)").isNotNull().hasDefault("'en-US'::character varying");
    }

    private static void insertTemplates(Database database) {
        database.execute("""
                INSERT INTO notification_service.notification_templates (code, channel, locale, subject, body) VALUES
                    ('order_confirmed', 'email', 'en_US', 'Your order {{number}}', 'Thanks for your order!'),
                    ('order_confirmed', 'email', 'de_DE', 'Ihre Bestellung {{number}}', 'Danke für Ihre Bestellung!'),
                    ('order_confirmed', 'email', 'de', 'Ihre Bestellung {{number}}', 'Danke!'),
                    ('order_confirmed', 'sms', 'en_US', NULL, 'Order {{number}} confirmed'),
                    ('shipment_sent', 'push', 'pt_BR', NULL, 'Seu pedido foi enviado')
                """);
    }
}
