package org.migrationharness.postgres;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/** A PostgreSQL container through Testcontainers, data on tmpfs, stopped on close. */
final class ContainerProcess implements ServerProcess {

    private static final String USER = "harness";

    private final PostgreSQLContainer<?> container;

    private ContainerProcess(PostgreSQLContainer<?> container) {
        this.container = container;
    }

    /** Whether a Docker engine answers: a quick ping of its socket first, then Testcontainers' own check. */
    /**
     * Why the testcontainers backend cannot run this image here, or null when it can: a Docker engine answers, and
     * the image (and, unless switched off, Testcontainers' resource reaper) is on the machine or a registry serves it.
     * Decided in milliseconds, where Testcontainers itself would retry pulls for minutes.
     */
    static String usable(String image) {
        if (!DockerProbe.engineAnswers()) {
            return "no Docker engine answers";
        }
        boolean present = DockerProbe.imagePresent(image);
        if (present && DockerProbe.ryukDisabled()) {
            return null;
        }
        String problem = DockerProbe.pullProblem(image);
        if (problem == null) {
            return null;
        }
        return present
                ? "Testcontainers' resource reaper image cannot be pulled (" + problem + "); set TESTCONTAINERS_RYUK_DISABLED=true"
                        + " (the harness stops its containers itself)"
                : "the image " + image + " is not on this machine and cannot be pulled (" + problem + ")";
    }

    /** Testcontainers' own check, after the quick probe: it also finds daemons the probe cannot reach. */
    private static boolean testcontainersFindsDocker() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @SuppressWarnings("resource") // closed by close()
    static ContainerProcess start(PostgresSettings settings) {
        return start(settings, 0);
    }

    /** A container whose server is published on {@code port} of this machine (0: any free port). */
    @SuppressWarnings("resource") // closed by close()
    static ContainerProcess start(PostgresSettings settings, int port) {
        String image = settings.effectiveImage();
        // the quick probe first: Testcontainers' own check starts its reaper, and retries pulls for minutes
        String problem = DockerProbe.engineAnswers() ? usable(image) : null;
        if (problem != null) {
            throw new HarnessException(ErrorCode.ENVIRONMENT, "The testcontainers backend cannot start " + image + ": "
                    + problem + ".\nGive an image this machine has with --postgres-image, or use --postgres embedded.");
        }
        if (!testcontainersFindsDocker()) {
            throw new HarnessException(ErrorCode.ENVIRONMENT, "The testcontainers backend needs a Docker engine, and none answers.\n"
                    + "Start one (or set DOCKER_HOST), or use --postgres embedded.");
        }
        List<String> command = new ArrayList<>(List.of("postgres"));
        ServerTuning.throwawaySettings().forEach((key, value) -> {
            if (!key.equals("listen_addresses")) {
                command.add("-c");
                command.add(key + "=" + value);
            }
        });
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>(
                DockerImageName.parse(image).asCompatibleSubstituteFor("postgres"))
                .withUsername(USER)
                .withPassword(UUID.randomUUID().toString())
                .withDatabaseName("harness")
                .withTmpFs(Map.of("/var/lib/postgresql/data", "rw"))
                .withCommand(command.toArray(String[]::new));
        if (port > 0) {
            container.withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withPortBindings(
                    new com.github.dockerjava.api.model.PortBinding(
                            com.github.dockerjava.api.model.Ports.Binding.bindPort(port),
                            new com.github.dockerjava.api.model.ExposedPort(PostgreSQLContainer.POSTGRESQL_PORT))));
        }
        try {
            container.start();
            return new ContainerProcess(container);
        } catch (RuntimeException e) {
            container.close();
            throw new HarnessException(ErrorCode.ENVIRONMENT, "Could not start a PostgreSQL container from image " + image
                    + ": " + rootMessage(e) + "\nCheck that the image exists locally or can be pulled, or choose another with"
                    + " --postgres-image IMAGE; or use --postgres embedded.", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root.getMessage() + ")";
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT)
                + "/" + database;
    }

    @Override
    public String adminDatabase() {
        return "harness";
    }

    @Override
    public String user() {
        return USER;
    }

    @Override
    public String password() {
        return container.getPassword();
    }

    @Override
    public boolean owned() {
        return true;
    }

    @Override
    public void close() {
        try {
            container.stop();
        } catch (RuntimeException e) {
            // best effort
        }
    }
}
