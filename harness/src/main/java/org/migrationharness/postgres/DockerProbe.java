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

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private DockerProbe() {
    }

    static boolean engineAnswers() {
        String host = System.getenv("DOCKER_HOST");
        SocketAddress address;
        StandardProtocolFamily family;
        if (host == null || host.isBlank()) {
            Path socket = Path.of("/var/run/docker.sock");
            if (!Files.exists(socket)) {
                return false;
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
            return true; // an address form this probe does not speak (npipe, ssh): let Testcontainers decide
        }
        CompletableFuture<Boolean> ping = CompletableFuture.supplyAsync(() -> ping(address, family));
        try {
            return ping.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            ping.cancel(true);
            return false;
        }
    }

    private static boolean ping(SocketAddress address, StandardProtocolFamily family) {
        try (SocketChannel channel = family == null ? SocketChannel.open() : SocketChannel.open(family)) {
            channel.connect(address);
            channel.write(ByteBuffer.wrap("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer buffer = ByteBuffer.allocate(512);
            channel.read(buffer);
            String response = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII);
            return response.startsWith("HTTP/1.") && response.contains(" 200 ");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
