package org.migrationharness.postgres;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.internal.Secrets;
import org.postgresql.Driver;

/**
 * A PostgreSQL JDBC URL as the driver reads it ({@link Driver#parseURL}), also in libpq's {@code user:password@host}
 * form, which the driver does not understand: the credentials are taken out of the URL (and the password registered
 * with {@link Secrets}, so that no message shows it).
 *
 * @param url the URL without credentials in its authority, as the driver accepts it
 * @param hosts the host names, in order (several for a multi-host URL)
 * @param database the database, or empty when the URL names none
 * @param user the user named by the URL ({@code user:...@} or {@code ?user=}), or null
 * @param password the password named by the URL ({@code :password@} or {@code ?password=}), or null
 */
public record JdbcUrl(String url, List<String> hosts, String database, String user, String password) {

    private static final String PREFIX = "jdbc:postgresql:";
    private static final Pattern USER_INFO = Pattern.compile("(jdbc:postgresql://)([^/?#]*)@([^/?#]*)(.*)", Pattern.DOTALL);

    public JdbcUrl {
        hosts = List.copyOf(hosts);
    }

    /**
     * Parses a URL; {@code option} names where it came from for the error.
     *
     * @throws HarnessException with {@link ErrorCode#USAGE} when it is no PostgreSQL JDBC URL
     */
    public static JdbcUrl parse(String url, String option) {
        if (url == null || !url.startsWith(PREFIX)) {
            throw new HarnessException(ErrorCode.USAGE, option + " must be a PostgreSQL JDBC URL like "
                    + "jdbc:postgresql://localhost:5432/catalog_dev, but it is '" + Secrets.mask(String.valueOf(url)) + "'.");
        }
        String clean = url;
        String user = null;
        String password = null;
        Matcher userInfo = USER_INFO.matcher(url);
        if (userInfo.matches()) {
            String[] parts = userInfo.group(2).split(":", 2);
            user = parts[0].isEmpty() ? null : URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
            password = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : null;
            Secrets.register(password);
            clean = userInfo.group(1) + userInfo.group(3) + userInfo.group(4);
        }
        Properties properties = Driver.parseURL(clean, new Properties());
        if (properties == null) {
            throw new HarnessException(ErrorCode.USAGE, "Malformed JDBC URL '" + Secrets.mask(url) + "' (from " + option
                    + ").\nExpected jdbc:postgresql://HOST:PORT/DATABASE, e.g. jdbc:postgresql://localhost:5432/postgres.");
        }
        Secrets.register(properties.getProperty("password"));
        List<String> hosts = Arrays.stream(properties.getProperty("PGHOST", "localhost").split(","))
                .map(h -> h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h)
                .toList();
        return new JdbcUrl(clean, hosts, properties.getProperty("PGDBNAME", ""),
                user != null ? user : properties.getProperty("user"),
                password != null ? password : properties.getProperty("password"));
    }

    @Override
    public String toString() {
        return Secrets.mask(url);
    }
}
