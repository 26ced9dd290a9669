package io.camelbricks.camel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback HTTP proxy in front of the emulator that loses the answer to the first request of one kind: it
 * forwards the request (so the workspace acts on it, e.g. creates a run) and then holds the answer until released,
 * so the client's read timeout fires: a call whose request arrived but whose answer never came back.
 */
final class AnswerLosingProxy implements AutoCloseable {
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "expect", "upgrade",
            "keep-alive", "transfer-encoding");

    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(4);
    private final HttpClient forward = HttpClient.newHttpClient();
    private final String target;
    private final String lostMethod;
    private final String lostPathSuffix;
    private final AtomicBoolean lost = new AtomicBoolean();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger forwarded = new AtomicInteger();

    AnswerLosingProxy(String target, String lostMethod, String lostPathSuffix) throws IOException {
        this.target = target;
        this.lostMethod = lostMethod;
        this.lostPathSuffix = lostPathSuffix;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(workers);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** How many requests reached the workspace through the proxy. */
    int forwarded() {
        return forwarded.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> response = forward.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            forwarded.incrementAndGet();
            if (exchange.getRequestMethod().equals(lostMethod) && exchange.getRequestURI().getPath().endsWith(lostPathSuffix)
                    && lost.compareAndSet(false, true)) {
                release.await(30, TimeUnit.SECONDS); // the client gives up meanwhile: the answer is lost
            }
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, List.copyOf(values));
                }
            });
            exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException ignored) {
            // the client went away (the lost answer): nothing to do
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        workers.shutdownNow();
    }
}
