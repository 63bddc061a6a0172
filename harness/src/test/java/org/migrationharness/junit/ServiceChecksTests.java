package org.migrationharness.junit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migrationharness.source.Repository;
import org.migrationharness.testing.MigrationFolder;
import org.migrationharness.testing.SharedServer;
import org.opentest4j.TestAbortedException;

@DisplayName("ServiceChecks: one dynamic test per check")
class ServiceChecksTests {

    @TempDir
    Path root;

    @Test
    void should_abort_a_skipped_check_with_the_reason_it_was_skipped() throws Throwable {
        MigrationFolder.in(root.resolve("service-migrations/shop/migrations"))
                .file("V1__create_notes.sql", "CREATE TABLE notes (id int CONSTRAINT pk_notes PRIMARY KEY);\n")
                .file("U1__create_notes.sql", "DROP TABLE notes;\n");
        DynamicContainer shop = ServiceChecks.forService(SharedServer.get(), new Repository(root), "shop");

        DynamicTest seedLoad = (DynamicTest) shop.getChildren()
                .filter(n -> n.getDisplayName().equals("seed.load")).findFirst().orElseThrow();

        assertThatThrownBy(() -> seedLoad.getExecutable().execute()).isInstanceOf(TestAbortedException.class)
                .hasMessage("seed.load was skipped for shop: no seeds folder.");
    }
}
