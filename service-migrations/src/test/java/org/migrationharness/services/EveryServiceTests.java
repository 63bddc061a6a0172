package org.migrationharness.services;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.migrationharness.junit.MigrationTest;
import org.migrationharness.junit.ServiceChecks;
import org.migrationharness.postgres.PostgresServer;

/**
 * Every standard check of every service under {@code service-migrations/}, as dynamic tests: a new service folder is
 * verified here without any Java code.
 */
@MigrationTest
class EveryServiceTests {

    @TestFactory
    Stream<DynamicNode> every_service_passes_every_check(PostgresServer server) {
        return ServiceChecks.forEveryService(server);
    }
}
