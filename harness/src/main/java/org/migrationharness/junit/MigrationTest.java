package org.migrationharness.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Makes a test class a migration test: each test method (and {@code @BeforeEach} method) can declare parameters of
 * these types, and gets a new database of its own (empty, or with {@link #migrated()} a clone of the migrated set):
 * <ul>
 *   <li>{@link org.migrationharness.postgres.Database}: the database (name, JDBC URL, connections, and its data in one line:
 *       {@code query}, {@code queryForObject}, {@code execute}, ...);</li>
 *   <li>{@link javax.sql.DataSource}: a DataSource for it;</li>
 *   <li>{@link org.migrationharness.apply.Migrator}: moves it up and down the service's migrations
 *       ({@code migrateTo}, {@code undoTo}, {@code migrateAll});</li>
 *   <li>{@link org.migrationharness.source.MigrationSet}: the service's migrations as read from disk;</li>
 *   <li>{@link org.migrationharness.postgres.PostgresServer}: the shared server itself.</li>
 * </ul>
 * The server is started once per test run and per distinct PostgreSQL settings, and stopped when the run ends; each
 * test's database is dropped after the test. Each setting is taken from, in this order: the attribute of this
 * annotation ({@link #backend()}, {@link #postgresVersion()}, {@link #postgresImage()}), the JUnit configuration
 * parameter ({@link #BACKEND_KEY}, {@link #VERSION_KEY}, {@link #IMAGE_KEY}: in {@code junit-platform.properties} or
 * as {@code -D}), the harness's system property ({@code harness.postgres}, ...), its environment variable
 * ({@code HARNESS_POSTGRES}, ...), the default.
 *
 * <p>With {@link #migrated()}, the service (after the services it depends on) is migrated once per test class into a
 * template database, and each test gets its own clone of it: a fresh copy of the fully migrated database.
 *
 * <pre>
 * &#64;MigrationTest(service = "catalog")
 * class CatalogMigrationTests {
 *     &#64;Test
 *     void should_backfill_slugs(Migrator migrator, Database db) { migrator.migrateTo("3"); ... migrator.migrateTo("4"); ... }
 * }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(MigrationExtension.class)
public @interface MigrationTest {

    /** The JUnit configuration parameter for the backend: {@code auto}, {@code embedded}, {@code testcontainers}, {@code external}. */
    String BACKEND_KEY = "migration-harness.postgres";

    /** The JUnit configuration parameter for the PostgreSQL major version (15, 16 or 17). */
    String VERSION_KEY = "migration-harness.postgres.version";

    /** The JUnit configuration parameter for the container image of the testcontainers backend. */
    String IMAGE_KEY = "migration-harness.postgres.image";

    /** A service under {@code service-migrations/} of the repository (found upwards from the working directory). */
    String service() default "";

    /** Or: any folder of migrations, relative to the working directory. */
    String migrations() default "";

    /**
     * The migration format, as {@code --format} names it ({@code flyway}, ...); {@code auto} (the default) takes the
     * one harness.yaml names, or detects it from the files.
     */
    String format() default "auto";

    /**
     * The PostgreSQL backend for this class: {@code auto}, {@code embedded}, {@code testcontainers} or {@code external};
     * empty (the default): from {@link #BACKEND_KEY}, {@code harness.postgres}, {@code HARNESS_POSTGRES}, else auto.
     */
    String backend() default "";

    /**
     * The PostgreSQL major version for this class (15, 16 or 17); 0 (the default): from {@link #VERSION_KEY},
     * {@code harness.postgres.version}, {@code HARNESS_POSTGRES_VERSION}, else 17.
     */
    int postgresVersion() default 0;

    /**
     * The container image for this class (testcontainers backend), with a pinned tag; empty (the default): from
     * {@link #IMAGE_KEY}, {@code harness.postgres.image}, {@code HARNESS_POSTGRES_IMAGE}, else the official image of
     * the version.
     */
    String postgresImage() default "";

    /**
     * Whether each test starts from the fully migrated database instead of an empty one: the set is migrated once per
     * test class into a template database, and each test gets a clone of it (its {@code Migrator} starts at the latest
     * version and can {@code undoTo} from there). Default false: each test starts empty (with the services the tested
     * one depends on migrated, cloned from a template too), for tests that walk the migrations with data.
     */
    boolean migrated() default false;
}
