package org.migrationharness.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;

/**
 * The repository layout: {@code service-migrations/<service>/} (a {@code migrations/} folder, {@code harness.yaml},
 * {@code expected-schema.json}) and {@code seeds/<service>/<environment>/}.
 *
 * @param root the repository's root folder
 */
public record Repository(Path root) {

    public static final String SERVICES = "service-migrations";
    public static final String SEEDS = "seeds";
    public static final String EXPECTED_SCHEMA = "expected-schema.json";

    /**
     * The repository around the working directory: the system property {@code harness.repository.root} if set, else
     * the nearest folder upwards that holds {@code service-migrations/}.
     */
    public static Repository locate() {
        String configured = System.getProperty("harness.repository.root");
        if (configured != null && !configured.isBlank()) {
            return new Repository(Path.of(configured).toAbsolutePath().normalize());
        }
        Path cwd = Path.of("").toAbsolutePath();
        for (Path dir = cwd; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(SERVICES))) {
                return new Repository(dir);
            }
        }
        throw new HarnessException(ErrorCode.USAGE, "No " + SERVICES + "/ folder in " + cwd + " or above it.\n"
                + "Run from the repository root, or use --migrations DIR for a folder of migrations.");
    }

    public Path servicesFolder() {
        return root.resolve(SERVICES);
    }

    /** Every service: each folder under {@code service-migrations/} that holds a {@code migrations/} folder, by name. */
    public List<String> services() {
        if (!Files.isDirectory(servicesFolder())) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(servicesFolder())) {
            return dirs.filter(d -> Files.isDirectory(d.resolve("migrations")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new HarnessException(ErrorCode.INPUT, "Cannot list " + servicesFolder() + ": " + e.getMessage(), e);
        }
    }

    /** A service's folder; fails with the list of services when there is no such service. */
    public Path serviceFolder(String service) {
        Path folder = servicesFolder().resolve(service);
        if (!service.matches("[A-Za-z0-9_.-]+") || !Files.isDirectory(folder.resolve("migrations"))) {
            throw new HarnessException(ErrorCode.INPUT, "No service '" + service + "': expected a folder "
                    + root.relativize(folder.resolve("migrations")) + ".\nServices here: " + services() + ".");
        }
        return folder;
    }

    /** Reads a service's migration set, in the format its harness.yaml names (or detected from its files). */
    public MigrationSet read(String service) {
        return MigrationSetReader.read(serviceFolder(service), service);
    }

    /** Reads a service's migration set in the given format (null or {@code auto}: as {@link #read(String)}). */
    public MigrationSet read(String service, String format) {
        return MigrationSetReader.read(serviceFolder(service), service, format);
    }

    /**
     * The sets of the services this one depends on ({@code depends-on:} in its harness.yaml), transitively, each
     * after those it depends on: what must be migrated, in this order, before the service itself.
     *
     * @throws HarnessException with {@link ErrorCode#INPUT} naming the file and line of an unknown service or a cycle
     */
    public List<MigrationSet> dependencies(MigrationSet set) {
        List<String> order = new ArrayList<>();
        visit(set.name(), set.config(), new ArrayList<>(), order);
        order.remove(set.name());
        return order.stream().map(this::read).map(d -> d.withConfig(d.config().withTimeouts(set.config().timeouts())))
                .toList();
    }

    /**
     * The services in an order where each comes after the services it depends on; otherwise in the order given.
     *
     * @throws HarnessException with {@link ErrorCode#INPUT} naming the file and line of an unknown service or a cycle
     */
    public List<String> inDependencyOrder(List<String> services) {
        List<String> order = new ArrayList<>();
        for (String service : services) {
            visit(service, config(service), new ArrayList<>(), order);
        }
        List<String> selected = new ArrayList<>(order);
        selected.retainAll(services);
        return selected;
    }

    private void visit(String service, ServiceConfig config, List<String> path, List<String> order) {
        if (order.contains(service)) {
            return;
        }
        if (path.contains(service)) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(service), path.size()));
            cycle.add(service);
            String where = cycle.stream().distinct().map(s -> {
                ServiceConfig c = config(s);
                return root.relativize(c.file()).toString().replace('\\', '/') + " line " + c.dependsOnLine();
            }).collect(java.util.stream.Collectors.joining(", "));
            throw new HarnessException(ErrorCode.INPUT, "Services depend on each other in a cycle: "
                    + String.join(" -> ", cycle) + " (depends-on in " + where + ").\nNo order can migrate them:"
                    + " remove one of these dependencies.", config.file(), config.dependsOnLine(), null);
        }
        path.add(service);
        for (String dependency : config.dependsOn()) {
            if (!services().contains(dependency)) {
                throw new HarnessException(ErrorCode.INPUT, "Service " + service + " depends on '" + dependency
                        + "' (depends-on in " + (config.file() == null ? "harness.yaml"
                        : root.relativize(config.file()).toString().replace('\\', '/')) + " line " + config.dependsOnLine()
                        + "), which is no service here.\nServices: " + services() + ". Fix the name, or add the service.",
                        config.file(), config.dependsOnLine(), null);
            }
            visit(dependency, config(dependency), path, order);
        }
        path.remove(path.size() - 1);
        order.add(service);
    }

    /**
     * The services that depend on one of {@code changed}, directly or through others (each selected service's
     * {@code depends-on:}, followed), by name; the value names the service of {@code changed} it depends on. A service of
     * {@code changed} itself is not in it.
     */
    public java.util.Map<String, String> dependents(java.util.Collection<String> changed) {
        java.util.Map<String, String> dependents = new java.util.TreeMap<>();
        for (String service : services()) {
            if (changed.contains(service)) {
                continue;
            }
            List<String> order = new ArrayList<>();
            visit(service, config(service), new ArrayList<>(), order);
            order.stream().filter(changed::contains).findFirst().ifPresent(d -> dependents.put(service, d));
        }
        return dependents;
    }

    /** A service's harness.yaml (its defaults when it has none). */
    private ServiceConfig config(String service) {
        Path file = MigrationSetReader.configFile(serviceFolder(service));
        return file != null ? ServiceConfig.read(file) : ServiceConfig.defaults();
    }

    /** The service's committed expected schema file (it may not exist yet). */
    public Path expectedSchema(String service) {
        return serviceFolder(service).resolve(EXPECTED_SCHEMA);
    }

    /** The service's seeds folder, if it has one. */
    public Optional<Path> seeds(String service) {
        Path folder = root.resolve(SEEDS).resolve(service);
        return Files.isDirectory(folder) ? Optional.of(folder) : Optional.empty();
    }
}
