package org.migrationharness.junit;

import java.lang.reflect.Parameter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.apply.Migrator;
import org.migrationharness.internal.Settings;
import org.migrationharness.postgres.Database;
import org.migrationharness.postgres.PostgresBackend;
import org.migrationharness.postgres.PostgresServer;
import org.migrationharness.postgres.PostgresSettings;
import org.migrationharness.source.MigrationSet;
import org.migrationharness.source.MigrationSetReader;
import org.migrationharness.source.Repository;

/**
 * The extension behind {@link MigrationTest}. It keeps no state of its own: each server lives in the root context's
 * Store (one per distinct settings, closed when the run ends), the test class's settings, set and template database in
 * the class's Store (the template dropped after the class), each test's database in that test's Store (dropped after
 * the test).
 */
final class MigrationExtension implements ParameterResolver, BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MigrationExtension.class);
    private static final List<Class<?>> TYPES = List.of(Database.class, DataSource.class, Migrator.class,
            MigrationSet.class, PostgresServer.class);

    /** Checks the class's settings before any test runs, so that a wrong attribute fails the class, once, clearly. */
    @Override
    public void beforeAll(ExtensionContext context) {
        settings(context);
    }

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
                key -> new TestDatabase(template(context), set(context)), TestDatabase.class);
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

    /** The context of the test class: what a class shares between its tests lives in its Store. */
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    private static Optional<MigrationTest> annotation(ExtensionContext context) {
        return context.getTestClass().flatMap(c -> AnnotationSupport.findAnnotation(c, MigrationTest.class));
    }

    private static PostgresSettings settings(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(PostgresSettings.class,
                key -> resolveSettings(classContext), PostgresSettings.class);
    }

    /** annotation attribute > JUnit configuration parameter > system property > environment variable > default. */
    static PostgresSettings resolveSettings(ExtensionContext context) {
        Optional<MigrationTest> annotation = annotation(context);
        String on = context.getTestClass().map(Class::getName).orElse("?");
        annotation.ifPresent(a -> validate(a, on));
        Function<String, Settings.Value> explicit = option -> switch (option) {
            case "--postgres" -> given(annotation.map(MigrationTest::backend), "@MigrationTest(backend) on " + on)
                    .or(() -> parameter(context, MigrationTest.BACKEND_KEY)).orElse(null);
            case "--postgres-version" -> given(annotation.filter(a -> a.postgresVersion() != 0)
                    .map(a -> String.valueOf(a.postgresVersion())), "@MigrationTest(postgresVersion) on " + on)
                    .or(() -> parameter(context, MigrationTest.VERSION_KEY)).orElse(null);
            case "--postgres-image" -> given(annotation.map(MigrationTest::postgresImage), "@MigrationTest(postgresImage) on " + on)
                    .or(() -> parameter(context, MigrationTest.IMAGE_KEY)).orElse(null);
            default -> null;
        };
        return PostgresSettings.resolve(Settings.fromSystemWithSources(explicit));
    }

    private static Optional<Settings.Value> given(Optional<String> value, String source) {
        return value.filter(v -> !v.isBlank()).map(v -> new Settings.Value(v, source));
    }

    private static Optional<Settings.Value> parameter(ExtensionContext context, String key) {
        return given(context.getConfigurationParameter(key), "JUnit configuration parameter " + key);
    }

    /** The attributes, checked where they are written: the error names the attribute, the class and the allowed values. */
    private static void validate(MigrationTest annotation, String on) {
        String backend = annotation.backend();
        if (!backend.isBlank() && Arrays.stream(PostgresBackend.values()).noneMatch(b -> b.id().equals(backend.trim()))) {
            throw new HarnessException(ErrorCode.USAGE, "@MigrationTest(backend = \"" + backend + "\") on " + on
                    + " names no PostgreSQL backend.\nExpected one of: " + Arrays.stream(PostgresBackend.values())
                    .map(PostgresBackend::id).collect(Collectors.joining(", ")) + " (or leave it out).");
        }
        int version = annotation.postgresVersion();
        if (version != 0 && !PostgresSettings.SUPPORTED_VERSIONS.contains(version)) {
            throw new HarnessException(ErrorCode.USAGE, "@MigrationTest(postgresVersion = " + version + ") on " + on
                    + " is not a supported PostgreSQL major version.\nExpected one of: "
                    + PostgresSettings.SUPPORTED_VERSIONS.stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + " (or leave it out).");
        }
        String image = annotation.postgresImage();
        if (!image.isBlank() && !image.contains(":") && !image.contains("@")) {
            throw new HarnessException(ErrorCode.USAGE, "@MigrationTest(postgresImage = \"" + image + "\") on " + on
                    + " names no tag, so the tests would run on whatever 'latest' is that day.\nExpected an image with a"
                    + " pinned tag or digest, e.g. \"postgres:17.6\" or \"postgres@sha256:...\" (or leave it out).");
        }
    }

    /** The server for the class's settings: one per distinct settings per run, in the root Store. */
    private static PostgresServer server(ExtensionContext context) {
        PostgresSettings settings = settings(context);
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(new ServerKey(settings), key -> new SharedServer(settings), SharedServer.class)
                .server();
    }

    /** The key of a server in the root Store. */
    record ServerKey(PostgresSettings settings) {
    }

    private static MigrationSet set(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        Class<?> testClass = classContext.getRequiredTestClass();
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(MigrationSet.class,
                key -> read(testClass), MigrationSet.class);
    }

    /** The class's template: the services it depends on, and with {@code migrated = true} the set itself, migrated once. */
    private static Template template(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(Template.class, key -> {
            MigrationSet set = set(classContext);
            boolean migrated = annotation(classContext).map(MigrationTest::migrated).orElse(false);
            return new Template(server(classContext), set, dependencies(classContext), migrated);
        }, Template.class);
    }

    /**
     * The sets of the services the tested service depends on ({@code depends-on:}), in the order to migrate them; none
     * for a folder.
     */
    private static List<MigrationSet> dependencies(ExtensionContext classContext) {
        boolean service = annotation(classContext).map(a -> !a.service().isBlank()).orElse(false);
        return service ? Repository.locate().dependencies(set(classContext)) : List.of();
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

    /** A server of the run; the root Store closes it when the run ends. */
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

    /**
     * What each test of a class starts from, built once per class: a template database with the services the tested
     * one depends on migrated (and with {@code migrated}, the set itself), cloned for each test; without either, no
     * template: each test gets a new empty database. The class's Store drops the template after the class.
     */
    static final class Template implements AutoCloseable {

        private final PostgresServer server;
        private final Database database;

        Template(PostgresServer server, MigrationSet set, List<MigrationSet> dependencies, boolean migrated) {
            this.server = server;
            if (dependencies.isEmpty() && !migrated) {
                this.database = null;
                return;
            }
            this.database = server.createDatabase(set.name() + "_template");
            try {
                for (MigrationSet dependency : dependencies) {
                    new Migrator(dependency, database).migrateAll();
                }
                if (migrated) {
                    new Migrator(set, database).migrateAll();
                }
            } catch (RuntimeException e) {
                server.dropDatabase(database);
                throw e;
            }
        }

        /** A new database for one test: a clone of the template, or an empty one. */
        Database newDatabase(String label) {
            return database == null ? server.createDatabase(label) : server.cloneDatabase(database, label);
        }

        PostgresServer server() {
            return server;
        }

        @Override
        public void close() {
            if (database != null) {
                server.dropDatabase(database);
            }
        }
    }

    /** One test's database; the test's Store drops it when the test ends. */
    static final class TestDatabase implements AutoCloseable {

        private final PostgresServer server;
        private final Database database;
        private final Migrator migrator;

        TestDatabase(Template template, MigrationSet set) {
            this.server = template.server();
            this.database = template.newDatabase(set.name() + "_test");
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
