package org.migrationharness.seed;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.postgres.JdbcUrl;

/**
 * Which databases seeds may be loaded into, checked before anything is read or connected to. The {@code seed} command
 * and {@link SeedLoader#load(org.migrationharness.postgres.Database, org.migrationharness.source.MigrationSet,
 * java.nio.file.Path, String, SeedOptions, SeedPolicy)} enforce the same three rules, each refusal naming its rule;
 * {@link #allowingProduction()} (the command's {@code --allow-production}) lifts all three:
 *
 * <ul>
 *   <li>the environment rule: the {@value SeedFolder#PRODUCTION} environment is refused;</li>
 *   <li>the host rule: a server other than this machine ({@code localhost}, {@code 127.0.0.1}, {@code ::1}) is refused,
 *       for any host of a multi-host URL;</li>
 *   <li>the database name rule: a database whose name matches the {@link ProductionPattern} is refused; without a
 *       database in the URL, the name is the user's, as PostgreSQL does.</li>
 * </ul>
 *
 * <p>The JDBC URL is read by {@link JdbcUrl} (the driver's own parser).
 *
 * @param allowProduction whether the three rules are lifted
 * @param productionPattern the pattern of the database name rule
 */
public record SeedPolicy(boolean allowProduction, ProductionPattern productionPattern) {

    /** The hosts that are this machine. */
    public static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "::1");

    public SeedPolicy {
        productionPattern = productionPattern == null ? ProductionPattern.defaults() : productionPattern;
    }

    /** The rules for a developer's database: all three, with the default production pattern. */
    public static SeedPolicy developmentOnly() {
        return new SeedPolicy(false, ProductionPattern.defaults());
    }

    /** No rule refuses. */
    public static SeedPolicy allowingProduction() {
        return new SeedPolicy(true, ProductionPattern.defaults());
    }

    /**
     * What the URL names, once the three rules allow seeding it.
     *
     * @param url the URL as parsed, without credentials
     * @param user the user: the URL's, else {@code defaultUser}
     * @param database the database: the URL's, else the user's name (as PostgreSQL does)
     */
    public record Target(JdbcUrl url, String user, String database) {
    }

    /**
     * Checks the three rules for loading {@code environment} into the database of {@code jdbcUrl}.
     *
     * @param defaultUser the user when the URL names none (it names the database when the URL names none either)
     * @return the URL parsed, with its user and database
     * @throws HarnessException {@link ErrorCode#USAGE} for a URL that is no PostgreSQL JDBC URL,
     *         {@link ErrorCode#REFUSED} naming the rule that refuses
     */
    public Target check(String environment, String jdbcUrl, String defaultUser) {
        JdbcUrl target = JdbcUrl.parse(jdbcUrl, "--jdbc-url");
        String user = target.user() != null ? target.user() : defaultUser;
        if (SeedFolder.PRODUCTION.equals(environment) && !allowProduction) {
            throw new HarnessException(ErrorCode.REFUSED, "Refusing to load the production seeds without "
                    + "--allow-production.\nRefused by the environment rule: --env production is loaded only with "
                    + "--allow-production, because the seed command is meant for development databases.\n"
                    + "Add --allow-production if you really mean to seed a production database.");
        }
        List<String> remote = remoteHosts(target);
        if (!remote.isEmpty() && !allowProduction) {
            throw new HarnessException(ErrorCode.REFUSED, "Refusing to seed a database on " + String.join(", ", remote)
                    + " without --allow-production: only localhost, 127.0.0.1 and ::1 are seeded without it.\n"
                    + "Refused by the host rule: a server other than this machine is seeded only with "
                    + "--allow-production.\nAdd --allow-production if this server is meant to be seeded.");
        }
        // PostgreSQL connects to the database named like the user when the URL names none
        String database = target.database().isEmpty() ? user : target.database();
        if (database != null && productionPattern.matches(database) && !allowProduction) {
            throw new HarnessException(ErrorCode.REFUSED, "Refusing to seed database " + database
                    + ": its name matches the production pattern " + productionPattern.describe() + ".\n"
                    + "Refused by the database name rule: a database whose name matches the pattern is seeded only "
                    + "with --allow-production.\nAdd --allow-production if this database is meant to be seeded, or "
                    + "set a narrower pattern if its name only looks like production, e.g. "
                    + ProductionPattern.OPTION + " '(^|_)prod(uction)?(_|$)'.");
        }
        return new Target(target, user, database);
    }

    /** The hosts of the URL that are not this machine, in order. */
    public static List<String> remoteHosts(JdbcUrl url) {
        return url.hosts().stream().filter(h -> !LOCAL_HOSTS.contains(h.toLowerCase(Locale.ROOT))).toList();
    }
}
