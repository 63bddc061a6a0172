package org.migrationharness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dev} as a real child process (the test classpath, {@code org.migrationharness.cli.Main}) on an embedded
 * server: the URL it prints serves every service's seeds, SIGINT stops the server, {@code --data} keeps the data.
 */
@DisplayName("java -jar migration-harness.jar dev")
class DevCommandTests {

    private static final Duration PATIENCE = Duration.ofSeconds(240);
    private static final Pattern URL = Pattern.compile("JDBC URL: (\\S+)");

    private final List<Child> children = new ArrayList<>();

    @AfterEach
    void killLeftovers() throws InterruptedException {
        for (Child child : children) {
            if (child.process.isAlive()) {
                child.signal("TERM");
                child.process.waitFor(30, TimeUnit.SECONDS);
                child.process.destroyForcibly();
            }
        }
    }

    @Test
    void should_serve_every_service_seeded_at_the_url_it_prints_and_stop_the_server_on_sigint() throws Exception {
        int port = freePort();
        Child dev = start(Path.of("..").toAbsolutePath().normalize(), "dev", "--port", String.valueOf(port));
        dev.awaitOut("Ctrl-C stops it.");

        String url = url(dev);
        assertThat(url).isEqualTo("jdbc:postgresql://localhost:" + port + "/platform");
        assertThat(dev.out()).contains("psql -h localhost -p " + port + " -U postgres platform")
                .startsWith("Seeded 13 of 13 services (development) into platform: ");
        // three services of three formats: prisma, golang-migrate, goose (and dbmate)
        assertThat(query(url, "SELECT name FROM catalog_service.products WHERE name = 'Premium Wireless Headphones'"))
                .isEqualTo("Premium Wireless Headphones");
        assertThat(query(url, "SELECT full_name FROM customer_service.customers WHERE email = 'ada.lovelace@example.com'"))
                .isEqualTo("Ada Lovelace");
        assertThat(query(url, "SELECT name FROM inventory_service.warehouses WHERE code = 'SFO-1'"))
                .isEqualTo("San Francisco Fulfilment Center");
        assertThat(query(url, "SELECT currency FROM pricing_service.price_lists WHERE code = 'retail-eur'"))
                .isEqualTo("EUR");
        Path data = Path.of(query(url, "SELECT setting FROM pg_settings WHERE name = 'data_directory'"));
        long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());

        dev.signal("INT");

        assertThat(dev.exitCode()).as(dev.toString()).isEqualTo(130);
        assertThat(dev.err()).contains("Stopped PostgreSQL; its data is removed.");
        assertThat(gone(postmaster)).as("the server's process %d ended", postmaster).isTrue();
        assertThatThrownBy(() -> new Socket("localhost", port).close()).as("port " + port + " closed")
                .isInstanceOf(IOException.class);
        assertThat(data).as("its data directory").doesNotExist();
    }

    @Test
    void should_keep_the_data_with_data_and_apply_only_what_is_new_at_the_next_start(@TempDir Path root)
            throws Exception {
        write(root, "service-migrations/zeta/harness.yaml", "format: golang-migrate\nschemas: [zeta_service]\n");
        write(root, "service-migrations/zeta/migrations/1_customers.up.sql",
                "CREATE TABLE zeta_service.customers (id bigint PRIMARY KEY, name text NOT NULL);");
        write(root, "service-migrations/zeta/migrations/1_customers.down.sql", "DROP TABLE zeta_service.customers;");
        write(root, "seeds/zeta/development/10_customers.yaml", "table: customers\nkey: [id]\nrows:\n  - {id: 1, name: Ada}\n");
        write(root, "service-migrations/alpha/harness.yaml", "schemas: [alpha_service]\ndepends-on: [zeta]\n");
        write(root, "service-migrations/alpha/migrations/V1__orders.sql", "CREATE TABLE alpha_service.orders"
                + " (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES zeta_service.customers (id));");
        write(root, "seeds/alpha/development/10_orders.yaml",
                "table: orders\nkey: [id]\nrows:\n  - {id: 1, customer_id: 1}\n");
        Path data = root.resolve("dev-data");
        int port = freePort();

        Child first = start(root, "dev", "--port", String.valueOf(port), "--data", data.toString());
        first.awaitOut("Ctrl-C stops it.");
        assertThat(first.err()).contains("Created database platform.");
        assertThat(query(url(first), "SELECT count(*) FROM alpha_service.orders")).isEqualTo("1");
        Child meanwhile = start(root, "dev", "--data", data.toString());
        assertThat(meanwhile.exitCode()).as(meanwhile.toString()).isEqualTo(3);
        assertThat(meanwhile.err()).contains("error: The data directory " + data + " is in use by another server");
        first.signal("INT");
        assertThat(first.exitCode()).as(first.toString()).isEqualTo(130);
        assertThat(first.err()).contains("Stopped PostgreSQL; its data stays in " + data);
        assertThat(data.resolve("PG_VERSION")).exists();

        // a new migration and a new seed row since
        write(root, "service-migrations/alpha/migrations/V2__total.sql",
                "ALTER TABLE alpha_service.orders ADD COLUMN total numeric NOT NULL DEFAULT 0;");
        write(root, "seeds/alpha/development/10_orders.yaml",
                "table: orders\nkey: [id]\nrows:\n  - {id: 1, customer_id: 1}\n  - {id: 2, customer_id: 1, total: 5}\n");
        Child second = start(root, "dev", "--port", String.valueOf(port), "--data", data.toString());
        second.awaitOut("Ctrl-C stops it.");

        assertThat(second.err()).contains("Reusing database platform in " + data + ": applying only what is new.")
                .contains("Migrating platform (alpha): applying 2 ...").doesNotContain("(zeta): applying");
        assertThat(second.out()).contains("Applied what was new: 1 migrations, 1 new seed rows.")
                .containsPattern("\nzeta\\s+0\\s+0\\s+0\\s+1\n").containsPattern("\nalpha\\s+1\\s+1\\s+0\\s+1\n");
        assertThat(query(url(second), "SELECT string_agg(id || ':' || total, ',' ORDER BY id) FROM alpha_service.orders"))
                .isEqualTo("1:0,2:5");
        second.signal("INT");
        assertThat(second.exitCode()).as(second.toString()).isEqualTo(130);
        assertThat(data.resolve("PG_VERSION")).exists();
    }

    @Test
    void should_refuse_a_data_directory_with_the_testcontainers_backend() throws Exception {
        Child dev = start(Path.of("..").toAbsolutePath().normalize(), "dev", "--postgres", "testcontainers",
                "--data", "/tmp/nowhere-dev-data");
        assertThat(dev.exitCode()).isEqualTo(2);
        assertThat(dev.err()).contains("error: --data needs the embedded backend");
        assertThat(Path.of("/tmp/nowhere-dev-data")).doesNotExist();
    }

    @Test
    void should_exit_3_when_the_server_it_started_stops_answering(@TempDir Path root) throws Exception {
        write(root, "service-migrations/zeta/harness.yaml", "schemas: [zeta_service]\n");
        write(root, "service-migrations/zeta/migrations/V1__customers.sql",
                "CREATE TABLE zeta_service.customers (id bigint PRIMARY KEY);");
        Child dev = start(root, "dev");
        dev.awaitOut("Ctrl-C stops it.");
        assertThat(dev.out()).containsPattern("\nzeta\\s+1\\s+no seeds\n");
        Path data = Path.of(query(url(dev), "SELECT setting FROM pg_settings WHERE name = 'data_directory'"));
        long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());

        // an immediate shutdown, as when the server crashes
        assertThat(new ProcessBuilder("kill", "-QUIT", String.valueOf(postmaster)).start().waitFor()).isZero();

        assertThat(dev.exitCode()).as(dev.toString()).isEqualTo(3);
        assertThat(dev.err()).contains("error: PostgreSQL at " + url(dev) + " stopped answering (");
    }

    @Test
    void should_stop_between_services_and_remove_the_server_when_interrupted_while_loading() throws Exception {
        Child dev = start(Path.of("..").toAbsolutePath().normalize(), "dev");
        dev.awaitErr("Loading analytics seeds (development) ...");

        dev.signal("TERM");

        assertThat(dev.exitCode()).as(dev.toString()).isEqualTo(143);
        assertThat(dev.err()).containsPattern("Stopped after \\d+ of 13 services\\.")
                .contains("Stopped PostgreSQL; its data is removed.");
        assertThat(dev.out()).doesNotContain("is ready").doesNotContain("JDBC URL");
    }

    @Test
    void should_refuse_a_pinned_port_that_another_server_listens_on() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Child dev = start(Path.of("..").toAbsolutePath().normalize(), "dev", "--port",
                    String.valueOf(taken.getLocalPort()));
            assertThat(dev.exitCode()).as(dev.toString()).isEqualTo(3);
            assertThat(dev.err()).contains("error: Port " + taken.getLocalPort() + " on this machine is in use")
                    .doesNotContain("is up");
        }
    }

    private static String url(Child child) {
        Matcher matcher = URL.matcher(child.out());
        assertThat(matcher.find()).as(child.toString()).isTrue();
        return matcher.group(1);
    }

    private static String query(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", null);
             Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getString(1);
        }
    }

    /** Whether the process ends (or is left a zombie, which serves nothing) within 30 seconds. */
    private static boolean gone(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Path stat = Path.of("/proc", String.valueOf(pid), "stat");
            try {
                if (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty()
                        || Files.readString(stat).replaceFirst("^.*\\) ", "").startsWith("Z")) {
                    return true;
                }
            } catch (IOException e) {
                return true; // no such process any more
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void write(Path root, String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private Child start(Path root, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("perl", "-e",
                "$SIG{INT} = 'DEFAULT'; $SIG{TERM} = 'DEFAULT'; exec @ARGV or die $!",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dharness.repository.root=" + root, "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
        builder.environment().remove("PGPASSWORD");
        builder.environment().remove("HARNESS_POSTGRES");
        Child child = new Child(builder.start());
        children.add(child);
        return child;
    }

    /** A child process, its output collected as it comes. */
    private static final class Child {

        private final Process process;
        private final StringBuffer out = new StringBuffer();
        private final StringBuffer err = new StringBuffer();

        Child(Process process) {
            this.process = process;
            collect(process.getInputStream(), out);
            collect(process.getErrorStream(), err);
        }

        private static void collect(InputStream stream, StringBuffer into) {
            Thread thread = new Thread(() -> {
                try (stream) {
                    byte[] buffer = new byte[8192];
                    int n;
                    while ((n = stream.read(buffer)) >= 0) {
                        into.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    // the process ended
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        void awaitOut(String text) throws InterruptedException {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (System.nanoTime() < deadline && process.isAlive()) {
                if (out.indexOf(text) >= 0) {
                    return;
                }
                Thread.sleep(100);
            }
            Thread.sleep(200);
            if (out.indexOf(text) < 0) {
                throw new AssertionError("never printed '" + text + "':\n" + this);
            }
        }

        void awaitErr(String text) throws InterruptedException {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (System.nanoTime() < deadline && process.isAlive() && err.indexOf(text) < 0) {
                Thread.sleep(20);
            }
            if (err.indexOf(text) < 0) {
                throw new AssertionError("never printed '" + text + "':\n" + this);
            }
        }

        void signal(String name) throws InterruptedException {
            try {
                assertThat(new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).start().waitFor())
                        .isZero();
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }

        int exitCode() throws InterruptedException {
            if (!process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("still running after " + PATIENCE + ":\n" + this);
            }
            Thread.sleep(200); // the last output
            return process.exitValue();
        }

        String out() {
            return out.toString();
        }

        String err() {
            return err.toString();
        }

        @Override
        public String toString() {
            return "stdout:\n" + out + "\nstderr:\n" + err;
        }
    }
}
