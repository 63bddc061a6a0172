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
 * these types, and gets a new, empty database of its own on the run's one PostgreSQL server:
 * <ul>
 *   <li>{@link org.migrationharness.postgres.Database}: the database (name, JDBC URL, connections);</li>
 *   <li>{@link javax.sql.DataSource}: a DataSource for it;</li>
 *   <li>{@link org.migrationharness.apply.Migrator}: moves it up and down the service's migrations
 *       ({@code migrateTo}, {@code undoTo}, {@code migrateAll});</li>
 *   <li>{@link org.migrationharness.source.MigrationSet}: the service's migrations as read from disk;</li>
 *   <li>{@link org.migrationharness.postgres.PostgresServer}: the shared server itself.</li>
 * </ul>
 * The server is started once for the whole test run (configured like the CLI: {@code harness.postgres},
 * {@code HARNESS_POSTGRES}, ...) and stopped when the run ends; each test's database is dropped after the test.
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

    /** A service under {@code service-migrations/} of the repository (found upwards from the working directory). */
    String service() default "";

    /** Or: any folder of migrations, relative to the working directory. */
    String migrations() default "";

    /**
     * The migration format, as {@code --format} names it ({@code flyway}, ...); {@code auto} (the default) takes the
     * one harness.yaml names, or detects it from the files.
     */
    String format() default "auto";
}
