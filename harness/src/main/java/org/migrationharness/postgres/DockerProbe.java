package org.migrationharness.postgres;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks a Docker engine for {@code GET /_ping} over its socket ({@code DOCKER_HOST}, else {@code /var/run/docker.sock}),
 * with a short timeout. Testcontainers' own check also starts its resource reaper, which can take minutes where no
 * registry answers; this one takes milliseconds and decides {@code --postgres auto}.
 */
final class DockerProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private DockerProbe() {
    }

    static boolean engineAnswers() {
        return request("GET", "/_ping").map(r -> r.status() == 200).orElse(false);
    }

    /** Whether the engine holds the image locally. */
    static boolean imagePresent(String image) {
        return request("GET", "/images/" + image + "/json").map(r -> r.status() == 200).orElse(false);
    }

    /**
     * Why the engine cannot pull the image (no registry answers, no such image), or null when the pull starts. A pull
     * that starts goes on in the engine; Testcontainers then finds it there.
     */
    static String pullProblem(String image) {
        int colon = image.lastIndexOf(':');
        boolean tagged = colon > image.lastIndexOf('/');
        String repository = tagged ? image.substring(0, colon) : image;
        String tag = tagged ? image.substring(colon + 1) : "latest";
        Optional<Response> response = request("POST", "/images/create?fromImage=" + repository + "&tag=" + tag);
        if (response.isEmpty()) {
            return "the Docker engine did not answer";
        }
        String body = response.get().body();
        if (response.get().status() != 200 || body.contains("\"error\"") || body.contains("\"message\"")) {
            int start = body.indexOf('{');
            return start < 0 ? "HTTP " + response.get().status() : body.substring(start).lines().findFirst().orElse("");
        }
        return null;
    }

    /** Whether Testcontainers' resource reaper is switched off (it is an image to pull otherwise). */
    static boolean ryukDisabled() {
        if ("true".equalsIgnoreCase(System.getenv("TESTCONTAINERS_RYUK_DISABLED"))) {
            return true;
        }
        Path user = Path.of(System.getProperty("user.home", ""), ".testcontainers.properties");
        try {
            return Files.isRegularFile(user) && Files.readAllLines(user).stream()
                    .anyMatch(l -> l.replace(" ", "").equalsIgnoreCase("ryuk.disabled=true"));
        } catch (IOException e) {
            return false;
        }
    }

    private record Response(int status, String body) {
    }

    private static Optional<Response> request(String method, String path) {
        String host = System.getenv("DOCKER_HOST");
        SocketAddress address;
        StandardProtocolFamily family;
        if (host == null || host.isBlank()) {
            Path socket = Path.of("/var/run/docker.sock");
            if (!Files.exists(socket)) {
                return Optional.empty();
            }
            address = UnixDomainSocketAddress.of(socket);
            family = StandardProtocolFamily.UNIX;
        } else if (host.startsWith("unix://")) {
            address = UnixDomainSocketAddress.of(host.substring("unix://".length()));
            family = StandardProtocolFamily.UNIX;
        } else if (host.startsWith("tcp://")) {
            URI uri = URI.create(host);
            address = new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 2375 : uri.getPort());
            family = null;
        } else {
            return Optional.of(new Response(200, "")); // npipe, ssh: this probe cannot speak it; let Testcontainers decide
        }
        CompletableFuture<Response> call = CompletableFuture.supplyAsync(() -> exchange(address, family, method, path));
        try {
            return Optional.ofNullable(call.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            call.cancel(true);
            return Optional.empty();
        }
    }

    private static Response exchange(SocketAddress address, StandardProtocolFamily family, String method, String path) {
        try (SocketChannel channel = family == null ? SocketChannel.open() : SocketChannel.open(family)) {
            channel.connect(address);
            String request = method + " " + path + " HTTP/1.0\r\nHost: docker\r\nContent-Length: 0\r\n\r\n";
            channel.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer buffer = ByteBuffer.allocate(4096);
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
                int headerEnd = text.indexOf("\r\n\r\n");
                if (headerEnd >= 0 && text.length() > headerEnd + 4 && text.indexOf('\n', headerEnd + 4) >= 0) {
                    break; // the status line, the headers and the body's first line are enough
                }
            }
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
            if (!text.startsWith("HTTP/1.")) {
                return null;
            }
            int status = Integer.parseInt(text.substring(9, 12));
            int headerEnd = text.indexOf("\r\n\r\n");
            return new Response(status, headerEnd < 0 ? "" : text.substring(headerEnd + 4));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
