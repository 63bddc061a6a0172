package org.migrationharness.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.testing.SharedServer;
import org.migrationharness.testing.Sql;

class JdbcUrlTests {

    @Test
    void should_read_hosts_database_and_credentials_as_the_driver_does() {
        JdbcUrl url = JdbcUrl.parse("jdbc:postgresql://db1:5432,db2:5433/catalog_dev?user=ci&password=pw-123&ssl=true", "--jdbc-url");

        assertThat(url.hosts()).containsExactly("db1", "db2");
        assertThat(url.database()).isEqualTo("catalog_dev");
        assertThat(url.user()).isEqualTo("ci");
        assertThat(url.password()).isEqualTo("pw-123");
        assertThat(url.toString()).isEqualTo("jdbc:postgresql://db1:5432,db2:5433/catalog_dev?user=ci&password=****&ssl=true");
    }

    @Test
    void should_take_libpq_style_credentials_out_of_the_url() {
        JdbcUrl url = JdbcUrl.parse("jdbc:postgresql://ci:p%40ss-word@[::1]:5432/app", "--jdbc-url");

        assertThat(url.url()).isEqualTo("jdbc:postgresql://[::1]:5432/app");
        assertThat(url.hosts()).containsExactly("::1");
        assertThat(url.user()).isEqualTo("ci");
        assertThat(url.password()).isEqualTo("p@ss-word");
    }

    @Test
    void should_default_to_localhost_and_no_database() {
        JdbcUrl url = JdbcUrl.parse("jdbc:postgresql:", "--jdbc-url");

        assertThat(url.hosts()).isEqualTo(List.of("localhost"));
        assertThat(url.database()).isEmpty();
        assertThat(url.user()).isNull();
    }

    @Test
    void should_refuse_another_kind_of_url_without_showing_its_password() {
        assertThatThrownBy(() -> JdbcUrl.parse("jdbc:mysql://root:s3cret-pw@db/app", "--jdbc-url"))
                .isInstanceOfSatisfying(HarnessException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE))
                .hasMessage("--jdbc-url must be a PostgreSQL JDBC URL like jdbc:postgresql://localhost:5432/catalog_dev,"
                        + " but it is 'jdbc:mysql://root:****@db/app'.");
    }

    @Test
    void should_connect_an_external_server_given_in_user_password_at_host_form() {
        Database admin = SharedServer.get().createDatabase("jdbc_url");
        try {
            String url = admin.jdbcUrl().replace("jdbc:postgresql://", "jdbc:postgresql://" + admin.user() + ":any-password@");
            try (PostgresServer external = PostgresServer.start(PostgresSettings.external(url, "nobody", null))) {
                Database database = external.createDatabase("jdbc_url_userinfo");
                assertThat(Sql.column(database, "SELECT current_user")).containsExactly(admin.user());
            }
        } finally {
            SharedServer.get().dropDatabase(admin);
        }
    }
}
