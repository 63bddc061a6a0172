package org.migrationharness.junit;

import java.lang.reflect.Parameter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.migrationharness.apply.Migrator;
import org.migrationharness.postgres.Database;
import org.migrationharness.postgres.PostgresServer;
import org.migrationharness.postgres.PostgresSettings;
import org.migrationharness.source.MigrationSet;
import org.migrationharness.source.MigrationSetReader;
import org.migrationharness.source.Repository;

/**
 * The extension behind {@link MigrationTest}. It keeps no state of its own: the server lives in the root context's
 * Store (closed when the run ends), each test's database in that test's Store (dropped after the test).
 */
final class MigrationExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MigrationExtension.class);
    private static final List<Class<?>> TYPES = List.of(Database.class, DataSource.class, Migrator.class,
            MigrationSet.class, PostgresServer.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return TYPES.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == PostgresServer.class) {
            return server(context);
        }
        if (type == MigrationSet.class) {
            return set(context);
        }
        if (context.getTestMethod().isEmpty()) {
            throw new ParameterResolutionException("@MigrationTest gives each test its own database, so "
                    + describe(parameter.getParameter()) + " can only be injected into test methods and @BeforeEach"
                    + " methods, not into " + parameter.getDeclaringExecutable() + ". Take PostgresServer or MigrationSet there.");
        }
        TestDatabase testDatabase = context.getStore(NAMESPACE).getOrComputeIfAbsent(TestDatabase.class,
                key -> new TestDatabase(server(context), set(context), dependencies(context)), TestDatabase.class);
        if (type == Database.class) {
            return testDatabase.database();
        }
        if (type == DataSource.class) {
            return testDatabase.database().dataSource();
        }
        return testDatabase.migrator();
    }

    private static String describe(Parameter parameter) {
        return "parameter '" + parameter.getName() + "' of type " + parameter.getType().getSimpleName();
    }

    private static PostgresServer server(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(SharedServer.class, key -> new SharedServer(PostgresSettings.defaults()), SharedServer.class)
                .server();
    }

    private static MigrationSet set(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(MigrationSet.class,
                key -> read(testClass), MigrationSet.class);
    }

    /**
     * The sets of the services the tested service depends on ({@code depends-on:}), in the order to migrate them; none
     * for a folder. Read once per test class.
     */
    private static Dependencies dependencies(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(Dependencies.class, key -> {
            boolean service = AnnotationSupport.findAnnotation(testClass, MigrationTest.class)
                    .map(a -> !a.service().isBlank()).orElse(false);
            return new Dependencies(service ? Repository.locate().dependencies(set(context)) : List.of());
        }, Dependencies.class);
    }

    /** The services a tested service needs migrated first. */
    record Dependencies(List<MigrationSet> sets) {
    }

    private static MigrationSet read(Class<?> testClass) {
        MigrationTest annotation = AnnotationSupport.findAnnotation(testClass, MigrationTest.class)
                .orElseThrow(() -> new ExtensionConfigurationException(testClass.getName() + " is not annotated with @MigrationTest."));
        boolean service = !annotation.service().isBlank();
        boolean folder = !annotation.migrations().isBlank();
        if (service == folder) {
            throw new ExtensionConfigurationException("@MigrationTest on " + testClass.getName()
                    + " must name exactly one of service = \"...\" or migrations = \"...\", but "
                    + (service ? "names both." : "names neither."));
        }
        if (service) {
            return Repository.locate().read(annotation.service(), annotation.format());
        }
        Path dir = Path.of(annotation.migrations());
        return MigrationSetReader.read(dir, Optional.ofNullable(dir.getFileName()).map(Path::toString).orElse("migrations"),
                annotation.format());
    }

    /** The run's one server; the root Store closes it when the run ends. */
    static final class SharedServer implements AutoCloseable {

        private final PostgresServer server;

        SharedServer(PostgresSettings settings) {
            this.server = PostgresServer.start(settings);
        }

        PostgresServer server() {
            return server;
        }

        @Override
        public void close() {
            server.close();
        }
    }

    /** One test's database; the test's Store drops it when the test ends. */
    static final class TestDatabase implements AutoCloseable {

        private final PostgresServer server;
        private final Database database;
        private final Migrator migrator;

        /** A new database for the test, with the services the tested one depends on migrated in it. */
        TestDatabase(PostgresServer server, MigrationSet set, Dependencies dependencies) {
            this.server = server;
            this.database = server.createDatabase(set.name() + "_test");
            try {
                for (MigrationSet dependency : dependencies.sets()) {
                    new Migrator(dependency, database).migrateAll();
                }
            } catch (RuntimeException e) {
                server.dropDatabase(database);
                throw e;
            }
            this.migrator = new Migrator(set, database);
        }

        Database database() {
            return database;
        }

        Migrator migrator() {
            return migrator;
        }

        @Override
        public void close() {
            server.dropDatabase(database);
        }
    }
}
